package dev.briefs.generate;

/**
 * The sum of exponentials of {@link TorchLogSoftmax} (step 2 of torch's log-softmax), with the
 * same bits as {@link TorchLogSoftmax#sumExpReference} and two to three times faster, so that the
 * search's own share of a decoder step stays small with a 60k vocabulary. The row's maximum must be
 * at least every element that is not NaN (as the log-softmax's maximum is), so that {@code d = x
 * - max} is at most 0.
 *
 * <p>Why it is exact: SLEEF's {@code expf} is a fixed sequence of float operations per lane, so
 * it is split into a part the JIT can run 8 lanes at a time and a part it cannot, each doing the
 * same operations in the same order as the scalar code:
 *
 * <ol>
 *   <li>a branch-free loop over a block of the row: {@code d = x - max}, clamped at -105 (SLEEF
 *       masks {@code d < -104} to +0, and its unmasked steps give +0 on [-105, -104) as well, so
 *       the clamp gives every such d, -inf included, the same +0), {@code q = rint(d / ln2)} as
 *       {@code (d * R + 1.5 * 2^23) - 1.5 * 2^23} (the same round-half-even as {@code Math.rint}
 *       for |q| below 2^22), and SLEEF's reduction and polynomial with {@code Math.fma}. HotSpot's
 *       C2 (Java 17) vectorizes this loop; it does not vectorize {@code floatToRawIntBits}, so the
 *       loop has none;
 *   <li>a scalar loop that scales each polynomial value by {@code 2^q} (q read from the bits of
 *       the rounded float) and adds it to lane {@code i % 8}, as torch's 8-lane sum does. Where
 *       {@code 2^q} is a normal float, one multiplication rounds exactly as SLEEF's two ({@code
 *       vldexp2}: the first of its two is exact there); below that (a result under about
 *       {@code 2^-126}, {@code d < -87.3}) SLEEF's two multiplications are done.
 * </ol>
 *
 * NaN stays NaN through both loops.
 * The lanes are then folded as torch folds them. {@code ExpSumsTest} checks the two against each
 * other bit for bit.
 */
@SuppressWarnings("FloatingPointLiteralPrecision") // SLEEF's constants, digit for digit as in TorchLogSoftmax
final class ExpSums {

    private static final int LANES = 8;
    /** A multiple of 8, so that blocks keep every element in its lane; small enough to stay in L1. */
    private static final int BLOCK = 2048;

    private static final float R_LN2F = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    private static final float L2UF = 0.693145751953125f;
    private static final float L2LF = 1.428606765330187045e-06f;
    private static final float MAGIC = 0x1.8p23f;
    private static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);

    /**
     * Per thread, the polynomial values and rounded multiples of ln 2 of a row, at the row's own
     * indices: C2 vectorizes a loop only where it can see that a store cannot feed a later load,
     * which an array read at {@code i} and written at {@code i - base} does not show it.
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private ExpSums() {}

    /** The maximum as {@link TorchLogSoftmax} takes it: the first largest value, NaN skipped. */
    static float max(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            if (v > max) {
                max = v;
            }
        }
        return max;
    }

    /** {@code sum(exp(row - max))} in torch's lane order, equal bit for bit to the reference. */
    static float sumExp(float[] row, float max) {
        int n = row.length;
        if (n < LANES) {
            return TorchLogSoftmax.sumExpReference(row, max);
        }
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < n) {
            scratch[0] = new float[n];
            scratch[1] = new float[n];
        }
        float[] poly = scratch[0];
        float[] rounded = scratch[1];
        float l0 = 0f, l1 = 0f, l2 = 0f, l3 = 0f, l4 = 0f, l5 = 0f, l6 = 0f, l7 = 0f;
        for (int base = 0; base < n; base += BLOCK) {
            int end = Math.min(base + BLOCK, n);
            polynomial(row, base, end, max, poly, rounded);
            int j = base;
            for (; j + LANES <= end; j += LANES) {
                l0 += scaled(poly, rounded, j);
                l1 += scaled(poly, rounded, j + 1);
                l2 += scaled(poly, rounded, j + 2);
                l3 += scaled(poly, rounded, j + 3);
                l4 += scaled(poly, rounded, j + 4);
                l5 += scaled(poly, rounded, j + 5);
                l6 += scaled(poly, rounded, j + 6);
                l7 += scaled(poly, rounded, j + 7);
            }
            if (j < end) {
                // the partial last vector adds only to its own lanes (0 + e is e for every e >= 0)
                float[] tail = new float[LANES];
                for (int l = 0; j + l < end; l++) {
                    tail[l] = scaled(poly, rounded, j + l);
                }
                l0 += tail[0];
                l1 += tail[1];
                l2 += tail[2];
                l3 += tail[3];
                l4 += tail[4];
                l5 += tail[5];
                l6 += tail[6];
                l7 += tail[7];
            }
        }
        // VecReduceAllSIMD<float> (AVX2), as in the reference
        return ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7));
    }

    /** Step 1: SLEEF's range reduction and polynomial for row[from, to), no branches. */
    private static void polynomial(float[] row, int from, int to, float max, float[] poly, float[] rounded) {
        for (int j = from; j < to; j++) {
            // SLEEF masks d < -104 to +0; its unmasked steps give +0 on [-105, -104) as well
            // (ExpSumsTest), so clamping there gives every d below -104 the same +0, -inf included
            float d = Math.max(row[j] - max, -105f);
            float y = d * R_LN2F + MAGIC; // two roundings, as the reference's float product then rint
            float q = y - MAGIC;
            float s = Math.fma(q, -L2UF, d);
            s = Math.fma(q, -L2LF, s);
            float u = 0.000198527617612853646278381f;
            u = Math.fma(u, s, 0.00139304355252534151077271f);
            u = Math.fma(u, s, 0.00833336077630519866943359f);
            u = Math.fma(u, s, 0.0416664853692054748535156f);
            u = Math.fma(u, s, 0.166666671633720397949219f);
            u = Math.fma(u, s, 0.5f);
            poly[j] = 1.0f + Math.fma(s * s, u, s);
            rounded[j] = y;
        }
    }

    /** Step 2 for one element: SLEEF's {@code vldexp2}, {@code poly * 2^(q/2) * 2^(q - q/2)}. */
    private static float scaled(float[] poly, float[] rounded, int j) {
        int q = Float.floatToRawIntBits(rounded[j]) - MAGIC_BITS;
        if (q >= -126) {
            // 2^q is a normal float: of SLEEF's two multiplications the first is exact, so one rounds alike
            return poly[j] * Float.intBitsToFloat((q + 0x7f) << 23);
        }
        int h = q >> 1;
        return (poly[j] * Float.intBitsToFloat((h + 0x7f) << 23)) * Float.intBitsToFloat((q - h + 0x7f) << 23);
    }
}
