package dev.briefs.cli;

import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one search (plain or constrained) has spent in a {@code bench} measurement, summed over its batches, so
 * that two searches can take turns batch by batch and each still gets its own wall and ONNX Runtime time.
 */
final class BenchTally {

    final TimedSeq2SeqModel timed;
    long tokens;
    int batches;
    double wallNs;
    double encoderNs;
    double decoderNs;
    final List<int[]> outputs = new ArrayList<>();

    BenchTally(OnnxSeq2SeqModel model, int maxNewTokens) {
        this.timed = new TimedSeq2SeqModel(model, maxNewTokens);
    }

    /** Runs one batch through the timed model and adds its time, tokens and outputs. */
    void add(SimpleMeterRegistry reg, Function<TimedSeq2SeqModel, int[][]> batch) {
        double enc0 = BenchCommand.ortNanos(reg, "encoder");
        double dec0 = decoderNanos(reg);
        long t0 = System.nanoTime();
        int[][] out = batch.apply(timed);
        wallNs += System.nanoTime() - t0;
        encoderNs += BenchCommand.ortNanos(reg, "encoder") - enc0;
        decoderNs += decoderNanos(reg) - dec0;
        for (int[] r : out) {
            tokens += r.length - 1; // the decoder start token is not generated
            outputs.add(r);
        }
        batches++;
    }

    private static double decoderNanos(SimpleMeterRegistry reg) {
        return BenchCommand.ortNanos(reg, "decoder") + BenchCommand.ortNanos(reg, "decoder_with_past");
    }
}
