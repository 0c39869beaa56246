package dev.briefs.generate;

import java.util.Arrays;

/**
 * transformers' {@code ForcedEOSTokenLogitsProcessor}: when the decoder holds {@code maxLength - 1}
 * tokens, all scores become -inf except the EOS ids, which become 0.
 */
public final class ForcedEOSTokenLogitsProcessor implements LogitsProcessor {
    private final int maxLength;
    private final int[] eosTokenIds;

    public ForcedEOSTokenLogitsProcessor(int maxLength, int... eosTokenIds) {
        this.maxLength = maxLength;
        this.eosTokenIds = eosTokenIds.clone();
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        if (LogitsProcessor.curLen(inputIds) == maxLength - 1) {
            for (float[] row : scores) {
                Arrays.fill(row, Float.NEGATIVE_INFINITY);
                for (int eos : eosTokenIds) {
                    row[eos] = 0f;
                }
            }
        }
    }
}
