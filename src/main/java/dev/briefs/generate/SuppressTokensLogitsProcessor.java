package dev.briefs.generate;

/**
 * transformers' {@code SuppressTokensLogitsProcessor} ({@code suppress_tokens}): the listed ids score
 * -inf at every step. Ids outside the vocabulary are ignored, as transformers' {@code isin} over
 * {@code arange(vocab)} ignores them.
 */
public final class SuppressTokensLogitsProcessor implements LogitsProcessor {
    private final int[] tokenIds;

    public SuppressTokensLogitsProcessor(int... tokenIds) {
        this.tokenIds = tokenIds.clone();
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        suppress(tokenIds, scores);
    }

    static void suppress(int[] tokenIds, float[][] scores) {
        for (float[] row : scores) {
            for (int id : tokenIds) {
                if (id >= 0 && id < row.length) {
                    row[id] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
