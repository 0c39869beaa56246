package dev.briefs.inference;

import java.util.Locale;

/**
 * How a sentence-transformers model turns its tokens' hidden states into one sentence vector, as its
 * {@code 1_Pooling/config.json} says: the mean over the attention mask, or the first token ([CLS] / {@code <s>}).
 * The vector is then scaled to unit length, so that a dot product is the cosine similarity.
 */
public enum Pooling {
    MEAN,
    CLS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param hidden one input's last hidden states, {@code length * dims} values in token order
     * @param mask   the attention mask of its {@code length} tokens
     */
    public float[] poolAndNormalise(float[] hidden, long[] mask, int dims) {
        int length = mask.length;
        float[] vector = new float[dims];
        if (this == CLS) {
            System.arraycopy(hidden, 0, vector, 0, dims);
        } else {
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (mask[t] == 0) {
                    continue;
                }
                tokens++;
                for (int d = 0; d < dims; d++) {
                    vector[d] += hidden[t * dims + d];
                }
            }
            for (int d = 0; d < dims; d++) {
                vector[d] /= Math.max(tokens, 1);
            }
        }
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            norm += vector[d] * vector[d];
        }
        float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < dims; d++) {
            vector[d] *= scale;
        }
        return vector;
    }
}
