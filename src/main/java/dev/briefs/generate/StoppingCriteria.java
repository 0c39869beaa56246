package dev.briefs.generate;

import java.util.Arrays;

/**
 * transformers' {@code StoppingCriteria}: given the decoder tokens so far (one row per sequence,
 * all rows of the same length), says which rows are done.
 */
@FunctionalInterface
public interface StoppingCriteria {

    boolean[] isDone(int[][] inputIds);

    /** {@code MaxLengthCriteria}: all rows are done once they hold {@code maxLength} tokens. */
    static StoppingCriteria maxLength(int maxLength) {
        return ids -> {
            boolean[] done = new boolean[ids.length];
            if (LogitsProcessor.curLen(ids) >= maxLength) {
                Arrays.fill(done, true);
            }
            return done;
        };
    }

    /** {@code EosTokenCriteria}: a row is done when its last token is one of the EOS ids. */
    static StoppingCriteria eos(int... eosTokenIds) {
        int[] eos = eosTokenIds.clone();
        return ids -> {
            boolean[] done = new boolean[ids.length];
            for (int r = 0; r < ids.length; r++) {
                int last = ids[r][ids[r].length - 1];
                for (int e : eos) {
                    done[r] |= last == e;
                }
            }
            return done;
        };
    }

    /** Rows done by any of the criteria. */
    static StoppingCriteria any(StoppingCriteria... criteria) {
        return ids -> {
            boolean[] done = new boolean[ids.length];
            for (StoppingCriteria c : criteria) {
                boolean[] d = c.isDone(ids);
                for (int i = 0; i < d.length; i++) {
                    done[i] |= d[i];
                }
            }
            return done;
        };
    }
}
