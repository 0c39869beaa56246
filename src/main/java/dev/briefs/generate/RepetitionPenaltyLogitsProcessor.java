package dev.briefs.generate;

/**
 * transformers' {@code RepetitionPenaltyLogitsProcessor}: for every token id present in a row's
 * input ids (decoder start token included), a negative score is multiplied by the penalty and a
 * non-negative one divided by it; a token occurring several times is penalised once.
 */
public final class RepetitionPenaltyLogitsProcessor implements LogitsProcessor {
    private final float penalty;

    public RepetitionPenaltyLogitsProcessor(double penalty) {
        if (!(penalty > 0)) {
            throw new IllegalArgumentException("penalty must be a strictly positive float: " + penalty);
        }
        this.penalty = (float) penalty;
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        for (int r = 0; r < scores.length; r++) {
            float[] row = scores[r];
            int[] ids = inputIds[r];
            // gather first, then scatter: duplicates get the same (once-penalised) value
            float[] gathered = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                float s = row[ids[i]];
                gathered[i] = s < 0 ? s * penalty : s / penalty;
            }
            for (int i = 0; i < ids.length; i++) {
                row[ids[i]] = gathered[i];
            }
        }
    }
}
