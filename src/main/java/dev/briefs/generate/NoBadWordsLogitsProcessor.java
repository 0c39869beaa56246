package dev.briefs.generate;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * transformers' {@code NoBadWordsLogitsProcessor}: single-token bad words are always banned;
 * a multi-token bad word bans its last token when the row ends with the word's other tokens.
 * Bad words equal to a single EOS token are ignored, as in transformers.
 */
public final class NoBadWordsLogitsProcessor implements LogitsProcessor {
    private final List<int[]> badWords = new ArrayList<>();

    public NoBadWordsLogitsProcessor(List<int[]> badWordsIds, int @Nullable ... eosTokenIds) {
        if (badWordsIds == null || badWordsIds.isEmpty()) {
            throw new IllegalArgumentException("badWordsIds must be a non-empty list");
        }
        for (int[] w : badWordsIds) {
            if (w == null || w.length == 0) {
                throw new IllegalArgumentException("each bad word must be a non-empty list of token ids");
            }
            for (int id : w) {
                if (id < 0) {
                    throw new IllegalArgumentException("bad word token ids must be non-negative: " + id);
                }
            }
            boolean isEos = false;
            if (w.length == 1 && eosTokenIds != null) {
                for (int e : eosTokenIds) {
                    isEos |= w[0] == e;
                }
            }
            if (!isEos) {
                badWords.add(w.clone());
            }
        }
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        int curLen = LogitsProcessor.curLen(inputIds);
        for (int[] w : badWords) {
            int last = w[w.length - 1];
            for (int r = 0; r < scores.length; r++) {
                if (last >= scores[r].length) {
                    continue;
                }
                if (w.length == 1) {
                    scores[r][last] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                int prefix = w.length - 1;
                if (w.length > curLen) { // longer than the context: ignored (transformers >= 4.38)
                    continue;
                }
                boolean match = true;
                for (int k = 0; k < prefix; k++) {
                    if (inputIds[r][curLen - prefix + k] != w[k]) {
                        match = false;
                        break;
                    }
                }
                if (match) {
                    scores[r][last] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
