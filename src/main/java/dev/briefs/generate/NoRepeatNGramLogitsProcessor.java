package dev.briefs.generate;

/**
 * transformers' {@code NoRepeatNGramLogitsProcessor}: bans every token that would complete an
 * n-gram already present in the row (decoder start token included).
 */
public final class NoRepeatNGramLogitsProcessor implements LogitsProcessor {
    private final int ngramSize;

    public NoRepeatNGramLogitsProcessor(int ngramSize) {
        if (ngramSize <= 0) {
            throw new IllegalArgumentException("ngramSize must be a strictly positive integer: " + ngramSize);
        }
        this.ngramSize = ngramSize;
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        int curLen = LogitsProcessor.curLen(inputIds);
        if (curLen + 1 < ngramSize) {
            return;
        }
        int start = curLen + 1 - ngramSize; // the (n-1)-gram ending the row
        for (int r = 0; r < scores.length; r++) {
            int[] ids = inputIds[r];
            // every n-gram ids[i..i+n-1] whose prefix equals ids[start..curLen-1] bans ids[i+n-1]
            for (int i = 0; i + ngramSize <= curLen; i++) {
                boolean match = true;
                for (int k = 0; k < ngramSize - 1; k++) {
                    if (ids[i + k] != ids[start + k]) {
                        match = false;
                        break;
                    }
                }
                if (match) {
                    scores[r][ids[i + ngramSize - 1]] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
