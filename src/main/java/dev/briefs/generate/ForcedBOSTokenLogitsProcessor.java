package dev.briefs.generate;

import java.util.Arrays;

/**
 * transformers' {@code ForcedBOSTokenLogitsProcessor}: when the decoder holds exactly one token
 * (the start token), all scores become -inf except {@code bosTokenId}, which becomes 0.
 */
public final class ForcedBOSTokenLogitsProcessor implements LogitsProcessor {
    private final int bosTokenId;

    public ForcedBOSTokenLogitsProcessor(int bosTokenId) {
        this.bosTokenId = bosTokenId;
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        if (LogitsProcessor.curLen(inputIds) == 1) {
            for (float[] row : scores) {
                Arrays.fill(row, Float.NEGATIVE_INFINITY);
                row[bosTokenId] = 0f;
            }
        }
    }
}
