package dev.briefs.story;

/**
 * One article's texts embedded by one model ({@link Comparison#texts}), and their centroid, the mean of their
 * vectors brought back to unit length, which stands for the whole text.
 */
final class WindowVectors {

    private final String id;
    private final float[][] windows;
    private final float[] centroid;

    WindowVectors(String id, float[][] windows) {
        if (windows.length == 0) {
            throw new IllegalArgumentException(id + ": an article has at least one text to embed");
        }
        this.id = id;
        this.windows = windows;
        this.centroid = centroid(windows);
    }

    String id() {
        return id;
    }

    float[] window(int k) {
        return windows[k];
    }

    int size() {
        return windows.length;
    }

    float[] centroid() {
        return centroid;
    }

    /** The dot product, in double and in index order, so that it is the same number each time. */
    static double cosine(float[] x, float[] y) {
        double dot = 0;
        for (int d = 0; d < x.length; d++) {
            dot += (double) x[d] * y[d];
        }
        return dot;
    }

    private static float[] centroid(float[][] windows) {
        if (windows.length == 1) {
            return windows[0];
        }
        double[] sum = new double[windows[0].length];
        for (float[] w : windows) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += w[d];
            }
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            out[d] = norm == 0 ? 0 : (float) (sum[d] / norm);
        }
        return out;
    }
}
