package dev.briefs.generate;

/**
 * Forbids EOS until {@code minNewTokens} tokens were generated after a prompt of {@code
 * promptLengthToSkip} tokens: transformers' {@code MinNewTokensLengthLogitsProcessor}.
 */
public final class MinNewTokensLengthLogitsProcessor implements LogitsProcessor {
    private final int promptLengthToSkip;
    private final int minNewTokens;
    private final int[] eosTokenIds;

    public MinNewTokensLengthLogitsProcessor(int promptLengthToSkip, int minNewTokens, int... eosTokenIds) {
        if (minNewTokens < 0) {
            throw new IllegalArgumentException("minNewTokens must be >= 0: " + minNewTokens);
        }
        this.promptLengthToSkip = promptLengthToSkip;
        this.minNewTokens = minNewTokens;
        this.eosTokenIds = eosTokenIds.clone();
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        int newTokens = LogitsProcessor.curLen(inputIds) - promptLengthToSkip;
        if (newTokens < minNewTokens) {
            for (float[] row : scores) {
                for (int eos : eosTokenIds) {
                    row[eos] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
