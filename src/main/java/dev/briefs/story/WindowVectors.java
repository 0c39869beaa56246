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

    /**
     * How much of this article {@code other} covers: each window's best cosine with a window of {@code other},
     * averaged over this article's windows.
     */
    double coveredBy(WindowVectors other) {
        double sum = 0;
        for (float[] x : windows) {
            sum += closest(x, other.windows);
        }
        return sum / windows.length;
    }

    /** The best cosine of {@code vector} with one of these windows. */
    double closest(float[] vector) {
        return closest(vector, windows);
    }

    /**
     * The best cosine of {@code x} with one of {@code o}. Each dot product is the one {@link #cosine} gives
     * (double, index order, so the same number to the bit), four of the windows at a time: four independent sums
     * keep the processor busy where one waits on each addition; about twice as fast, measured (docs/stories.md).
     * Both the coverage and the first look of every pair of the day ({@link Comparison#mayReach}) are these.
     */
    private static double closest(float[] x, float[][] o) {
        int m = o.length;
        int dims = x.length;
        double best = Double.NEGATIVE_INFINITY;
        int l = 0;
        for (; l + 4 <= m; l += 4) {
            float[] y0 = o[l];
            float[] y1 = o[l + 1];
            float[] y2 = o[l + 2];
            float[] y3 = o[l + 3];
            double d0 = 0;
            double d1 = 0;
            double d2 = 0;
            double d3 = 0;
            for (int d = 0; d < dims; d++) {
                double xd = x[d];
                d0 += xd * y0[d];
                d1 += xd * y1[d];
                d2 += xd * y2[d];
                d3 += xd * y3[d];
            }
            best = Math.max(best, Math.max(Math.max(d0, d1), Math.max(d2, d3)));
        }
        for (; l < m; l++) {
            best = Math.max(best, cosine(x, o[l]));
        }
        return best;
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
