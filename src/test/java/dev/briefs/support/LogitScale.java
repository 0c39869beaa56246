package dev.briefs.support;

import dev.briefs.generate.Seq2SeqModel;

/**
 * A model seen through its logits' scale: the largest finite |logit| of every step it ran, which is
 * what a log-probability's rounding difference is relative to ({@code RoundingBound#logProb}).
 */
public final class LogitScale implements Seq2SeqModel {

    private final Seq2SeqModel model;
    private double maxAbsLogit;

    public LogitScale(Seq2SeqModel model) {
        this.model = model;
    }

    /** The largest finite |logit| seen since the last call, then forgotten. */
    public synchronized double takeMax() {
        double max = maxAbsLogit;
        maxAbsLogit = 0;
        return max;
    }

    private synchronized void see(float[][] logits) {
        for (float[] row : logits) {
            for (float x : row) {
                if (Float.isFinite(x)) {
                    maxAbsLogit = Math.max(maxAbsLogit, Math.abs(x));
                }
            }
        }
    }

    @Override
    public DecoderSession startDecoding(long[][] inputIds, long[][] attentionMask, int expand) {
        DecoderSession session = model.startDecoding(inputIds, attentionMask, expand);
        return new DecoderSession() {
            @Override
            public float[][] step(int[] tokens) {
                float[][] logits = session.step(tokens);
                see(logits);
                return logits;
            }

            @Override
            public void reorder(int[] sourceRows) {
                session.reorder(sourceRows);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
