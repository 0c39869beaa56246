package dev.briefs.cli;

import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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

    /** The measurement as {@code bench} reports it. */
    BenchCommand.Result result(
            Seq2SeqGenerator gen,
            int sentenceCount,
            int batch,
            int beams,
            int maxNewTokens,
            String variantName,
            boolean cache,
            @Nullable BenchForcedWords forced,
            String search) {
        double wall = wallNs;
        double enc = encoderNs;
        double dec = decoderNs;
        int forcedSentences = 0;
        int forcedHeld = 0;
        for (int i = 0; forced != null && i < outputs.size(); i++) {
            if (forced.forSentence(i) != null) {
                forcedSentences++;
                forcedHeld += forced.holdsEvery(i, gen.decode(outputs.get(i))) ? 1 : 0;
            }
        }
        long stepNsTotal = 0;
        long stepCalls = 0;
        for (int k = 0; k < timed.stepNs.length; k++) {
            stepNsTotal += timed.stepNs[k];
            stepCalls += timed.stepCount[k];
        }
        // early: steps 2..9 (step 1 also computes the cross-attention cache); late: the last 8 steps
        int last = maxNewTokens - 1;
        int earlyFrom = Math.min(1, last);
        int earlyTo = Math.min(earlyFrom + BenchCommand.BUCKET - 1, last);
        int lateFrom = Math.max(earlyFrom, last - BenchCommand.BUCKET + 1);
        double early = BenchCommand.perTokenMs(timed, earlyFrom, earlyTo);
        double late = BenchCommand.perTokenMs(timed, lateFrom, last);
        double ortShare = (enc + dec) / wall;
        return new BenchCommand.Result(
                variantName,
                cache,
                batch,
                beams,
                search,
                forcedSentences,
                forcedHeld,
                sentenceCount,
                batches,
                tokens,
                BenchCommand.round(wall / 1e9, 3),
                BenchCommand.round(sentenceCount / (wall / 1e9), 3),
                BenchCommand.round(tokens / (wall / 1e9), 1),
                stepCalls,
                BenchCommand.round(stepCalls == 0 ? 0 : stepNsTotal / 1e6 / stepCalls, 3),
                BenchCommand.round(early, 4),
                BenchCommand.round(late, 4),
                BenchCommand.round(early > 0 ? late / early : 0, 2),
                BenchCommand.round(enc / 1e9, 3),
                BenchCommand.round(dec / 1e9, 3),
                BenchCommand.round(ortShare, 4),
                BenchCommand.round(1 - ortShare, 4));
    }
}
