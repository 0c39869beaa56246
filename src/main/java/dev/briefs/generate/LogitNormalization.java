package dev.briefs.generate;

import java.util.Arrays;

/**
 * transformers' {@code LogitNormalization} ({@code renormalize_logits: true}): log-softmax over each
 * row after all other processors, so that beam scores stay log-probabilities once tokens were
 * banned or forced. Always the last processor.
 *
 * <p>A row whose maximum is infinite (every token banned, or +inf present) becomes NaN throughout,
 * as torch's {@code log_softmax} makes it ({@code x - max} is NaN there).
 */
public final class LogitNormalization implements LogitsProcessor {

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        for (float[] row : scores) {
            float max = Float.NEGATIVE_INFINITY;
            boolean nan = false;
            for (float v : row) {
                nan |= Float.isNaN(v);
                if (v > max) {
                    max = v;
                }
            }
            if (nan || Float.isInfinite(max)) {
                Arrays.fill(row, Float.NaN);
            } else {
                TorchLogSoftmax.inPlace(row);
            }
        }
    }
}
