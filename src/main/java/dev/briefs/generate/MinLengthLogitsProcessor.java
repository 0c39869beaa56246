package dev.briefs.generate;

/**
 * Forbids EOS while the decoder sequence (decoder start token included) is shorter than {@code
 * minLength}: transformers' {@code MinLengthLogitsProcessor}.
 */
public final class MinLengthLogitsProcessor implements LogitsProcessor {
    private final int minLength;
    private final int[] eosTokenIds;

    public MinLengthLogitsProcessor(int minLength, int... eosTokenIds) {
        if (minLength < 0) {
            throw new IllegalArgumentException("minLength must be >= 0: " + minLength);
        }
        this.minLength = minLength;
        this.eosTokenIds = eosTokenIds.clone();
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        if (LogitsProcessor.curLen(inputIds) < minLength) {
            for (float[] row : scores) {
                for (int eos : eosTokenIds) {
                    row[eos] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
