package dev.briefs.generate;

/**
 * transformers' {@code InfNanRemoveLogitsProcessor} ({@code remove_invalid_values: true}): NaN
 * becomes 0, +inf the largest float32 and -inf the most negative one, so that the search never
 * picks from a row it cannot rank. Scores that earlier processors set to -inf become finite too,
 * exactly as in transformers, which runs it after them.
 */
public final class InfNanRemoveLogitsProcessor implements LogitsProcessor {

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        for (float[] row : scores) {
            for (int i = 0; i < row.length; i++) {
                float v = row[i];
                if (Float.isNaN(v)) {
                    row[i] = 0f;
                } else if (v == Float.POSITIVE_INFINITY) {
                    row[i] = Float.MAX_VALUE;
                } else if (v == Float.NEGATIVE_INFINITY) {
                    row[i] = -Float.MAX_VALUE;
                }
            }
        }
    }
}
