package dev.briefs.cli;

import dev.briefs.generate.Seq2SeqModel;

/**
 * A model whose decoder steps are timed: per step index, the summed wall time, rows and calls. Only
 * {@code bench} uses it, for its early and late per-token times.
 */
final class TimedSeq2SeqModel implements Seq2SeqModel {
    final Seq2SeqModel inner;
    final long[] stepNs;
    final long[] stepRows;
    final long[] stepCount;
    long steps;

    TimedSeq2SeqModel(Seq2SeqModel inner, int maxSteps) {
        this.inner = inner;
        this.stepNs = new long[maxSteps];
        this.stepRows = new long[maxSteps];
        this.stepCount = new long[maxSteps];
    }

    @Override
    public int searchThreads() {
        return inner.searchThreads();
    }

    @Override
    public DecoderSession startDecoding(long[][] inputIds, long[][] attentionMask, int expand) {
        DecoderSession s = inner.startDecoding(inputIds, attentionMask, expand);
        return new DecoderSession() {
            int index;

            @Override
            public float[][] step(int[] tokens) {
                long t0 = System.nanoTime();
                float[][] logits = s.step(tokens);
                long dt = System.nanoTime() - t0;
                if (index < stepNs.length) {
                    stepNs[index] += dt;
                    stepRows[index] += tokens.length;
                    stepCount[index]++;
                }
                index++;
                steps++;
                return logits;
            }

            @Override
            public void reorder(int[] sourceRows) {
                s.reorder(sourceRows);
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
