package dev.briefs.support;

import dev.briefs.generate.Seq2SeqModel;

/**
 * A model seen through its logits' scale: the largest finite |logit| of every step it ran, which is
 * what a log-probability's rounding difference is relative to ({@code RoundingBound#logProb}).
 */
public final class LogitScale implements Seq2SeqModel {

    private final Seq2SeqModel hooked;
    private double maxAbsLogit;

    public LogitScale(Seq2SeqModel model) {
        this.hooked = new LogitHook(model, () -> this::see);
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
        return hooked.startDecoding(inputIds, attentionMask, expand);
    }
}
