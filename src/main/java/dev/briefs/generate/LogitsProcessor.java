package dev.briefs.generate;

/**
 * Modifies next-token scores in place, like transformers' {@code LogitsProcessor.__call__}.
 *
 * <p>{@code inputIds} holds one row per hypothesis (batch × beams), each the decoder tokens so far
 * (starting with the decoder start token), all rows of the same length. {@code scores} holds one
 * row of vocabulary scores per hypothesis: raw logits in greedy search, log-probabilities in beam
 * search.
 */
@FunctionalInterface
public interface LogitsProcessor {

    void process(int[][] inputIds, float[][] scores);

    /** Current length (same for all rows). */
    static int curLen(int[][] inputIds) {
        return inputIds.length == 0 ? 0 : inputIds[0].length;
    }
}
