package dev.briefs.generate;

/**
 * A generated sequence with the search's score of each generated token, the numbers transformers'
 * {@code compute_transition_scores} gives (4.46.3, {@code output_scores=True}):
 *
 * <ul>
 *   <li>beam search: the processed log-probability the beam scorer added for the token (log-softmax
 *       of the logits, then the logits processors), along the winning beam's path ({@code
 *       normalize_logits=False}); their sum is the beam's score before the length penalty;
 *   <li>greedy search: the log-softmax of the processed logits at the chosen token, the
 *       log-probability in the distribution greedy chose from ({@code normalize_logits=True}; without
 *       it greedy's scores would be logits, not log-probabilities).
 * </ul>
 *
 * The two differ only where a processor changes the chosen token's row: a token banned by a
 * processor takes no probability in greedy's distribution, while beam search keeps the model's own
 * log-probabilities of the others; a forced token scores 0 (probability 1) in both.
 *
 * @param tokens      the decoder start token, then the generated tokens, cut after the first EOS
 * @param tokenScores one score per generated token ({@code tokens.length - 1}), EOS included
 */
public record ScoredSequence(int[] tokens, float[] tokenScores) {

    public ScoredSequence {
        if (tokenScores.length != Math.max(0, tokens.length - 1)) {
            throw new IllegalArgumentException(tokenScores.length + " token scores for " + tokens.length
                    + " tokens (decoder start token included)");
        }
    }

    /**
     * The model's mean log-probability per generated token, the translation confidence: the mean of
     * {@link #tokenScores()} (summed in double precision); NaN when nothing was generated.
     */
    public double meanLogProb() {
        if (tokenScores.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (float s : tokenScores) {
            sum += s;
        }
        return sum / tokenScores.length;
    }
}
