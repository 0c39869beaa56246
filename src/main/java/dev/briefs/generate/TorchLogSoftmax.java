package dev.briefs.generate;

/**
 * {@code torch.log_softmax(x, dim=-1)} on a float32 row, rounded as torch 2.5.1 rounds it on a CPU
 * where it dispatches to AVX2 (8 float lanes), so that equal sums of log-probabilities from
 * different beams are equal here exactly when they are equal in the reference.
 *
 * <p>torch ({@code aten/src/ATen/native/cpu/SoftMaxKernel.cpp}, {@code _vec_log_softmax_lastdim},
 * with {@code vec::map_reduce_all} and {@code VecReduceAllSIMD} from {@code
 * ATen/cpu/vec/functional_base.h}) computes, all in float32:
 *
 * <ol>
 *   <li>{@code max} over the row;
 *   <li>{@code sum}: {@code exp(x - max)} with SLEEF's {@code Sleef_expf8_u10} (AVX2, FMA),
 *       accumulated in 8 lanes (element i goes to lane i % 8; the first 8 elements start the
 *       lanes, a partial last vector adds only to its own lanes), then the lanes are folded
 *       as (l0+l4 + l2+l6) + (l1+l5 + l3+l7); a row shorter than 8 is summed left to right;
 *   <li>{@code lse = log(sum)} with {@code Sleef_logf8_u10};
 *   <li>{@code out = (x - max) - lse}.
 * </ol>
 *
 * All four steps are reproduced: {@link #sleefExpf} and {@link #sleefLogf} follow SLEEF's {@code
 * xexpf} and {@code xlogf_u1} operation for operation, with {@code Math.fma} where SLEEF's AVX2
 * build uses a fused multiply-add. (Neither is correctly rounded, so {@code Math.exp} and {@code
 * Math.log} give other last bits, and a double accumulator another sum.) Machines where torch
 * dispatches to AVX512 (16 lanes) fold the sum differently; that is not reproduced.
 */
@SuppressWarnings("FloatingPointLiteralPrecision") // SLEEF's and torch's constants, digit for digit as in their sources
final class TorchLogSoftmax {

    private static final int LANES = 8;
    private static final float R_LN2F = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    private static final float L2UF = 0.693145751953125f;
    private static final float L2LF = 1.428606765330187045e-06f;

    private TorchLogSoftmax() {}

    /**
     * Replaces the row by its log-softmax. A row whose maximum is -inf (all -inf) is left as it is
     * (torch gives NaN; real logits never do this).
     */
    static void inPlace(float[] row) {
        float max = ExpSums.max(row);
        if (max == Float.NEGATIVE_INFINITY) {
            return;
        }
        float lse = sleefLogf(ExpSums.sumExp(row, max));
        for (int i = 0; i < row.length; i++) {
            row[i] = (row[i] - max) - lse;
        }
    }

    /**
     * The log-softmax of one entry of the row, {@code log_softmax(row)[index]}, with the same bits as
     * {@link #inPlace}, leaving the row as it is. A row that is all -inf gives NaN, as torch does.
     */
    static float at(float[] row, int index) {
        float max = ExpSums.max(row);
        if (max == Float.NEGATIVE_INFINITY) {
            return Float.NaN;
        }
        return (row[index] - max) - sleefLogf(ExpSums.sumExp(row, max));
    }

    /**
     * {@link #at} for the row's first maximal entry ({@link GreedySearch#argmax}), which is the
     * maximum {@link #at} would take unless the row holds a NaN: one pass over the row fewer.
     */
    static float atArgmax(float[] row, int argmax) {
        float max = row[argmax];
        if (Float.isNaN(max)) {
            return at(row, argmax);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return Float.NaN;
        }
        return (row[argmax] - max) - sleefLogf(ExpSums.sumExp(row, max));
    }

    /**
     * Step 2: the sum of exp(x - max) in torch's lane order, one element at a time: the reference
     * that {@link ExpSums#sumExp} (used by the methods above) equals bit for bit.
     */
    static float sumExpReference(float[] row, float max) {
        int n = row.length;
        if (n < LANES) {
            // vec_reduce_all's slow path: lane 0 takes the others one by one
            float acc = sleefExpf(row[0] - max);
            for (int i = 1; i < n; i++) {
                acc += sleefExpf(row[i] - max);
            }
            return acc;
        }
        float[] lane = new float[LANES];
        for (int l = 0; l < LANES; l++) {
            lane[l] = sleefExpf(row[l] - max);
        }
        int d = LANES;
        for (; d < n - (n % LANES); d += LANES) {
            for (int l = 0; l < LANES; l++) {
                lane[l] += sleefExpf(row[d + l] - max);
            }
        }
        for (int l = 0; d + l < n; l++) {
            lane[l] += sleefExpf(row[d + l] - max);
        }
        // VecReduceAllSIMD<float> (AVX2): swap 128-bit halves, then 64-bit pairs, then neighbours
        float b0 = lane[0] + lane[4];
        float b1 = lane[1] + lane[5];
        float b2 = lane[2] + lane[6];
        float b3 = lane[3] + lane[7];
        return (b0 + b2) + (b1 + b3);
    }

    /** SLEEF's {@code xexpf} (Sleef_expf8_u10, 1.0 ulp), one lane. */
    static float sleefExpf(float d) {
        if (d < -104f) {
            return 0f; // SLEEF masks the result to +0 there
        }
        if (1e10f < d) {
            return Float.POSITIVE_INFINITY;
        }
        if (Float.isNaN(d)) {
            return Float.NaN;
        }
        int q = (int) Math.rint(d * R_LN2F); // _mm256_cvtps_epi32: round half to even
        float s = Math.fma((float) q, -L2UF, d);
        s = Math.fma((float) q, -L2LF, s);
        float u = 0.000198527617612853646278381f;
        u = Math.fma(u, s, 0.00139304355252534151077271f);
        u = Math.fma(u, s, 0.00833336077630519866943359f);
        u = Math.fma(u, s, 0.0416664853692054748535156f);
        u = Math.fma(u, s, 0.166666671633720397949219f);
        u = Math.fma(u, s, 0.5f);
        u = 1.0f + Math.fma(s * s, u, s);
        // vldexp2: two multiplications by powers of two, so that a subnormal result rounds as there
        int h = q >> 1;
        return (u * pow2i(h)) * pow2i(q - h);
    }

    /**
     * SLEEF's {@code xlogf_u1} (Sleef_logf8_u10, 1.0 ulp) for the AVX2 build, one lane: a
     * double-float evaluation whose rounding differs from the correctly rounded logarithm for some
     * inputs. The sums it is used on are at least 1 (the maximum contributes exp(0)); zero,
     * negative, subnormal, infinite and NaN inputs take SLEEF's special-case results.
     */
    static float sleefLogf(float d) {
        if (Float.isNaN(d) || d < 0f) {
            return Float.NaN;
        }
        if (d == 0f) {
            return Float.NEGATIVE_INFINITY;
        }
        if (d == Float.POSITIVE_INFINITY) {
            return Float.POSITIVE_INFINITY;
        }
        boolean o = d < Float.MIN_NORMAL;
        if (o) {
            d = d * (4294967296f * 4294967296f);
        }
        int e = ((Float.floatToRawIntBits(d * (1.0f / 0.75f)) >>> 23) & 0xff) - 0x7f; // vilogb2k
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(d) + ((-e) << 23)); // vldexp3
        if (o) {
            e -= 64;
        }
        // s = (ln2 hi, ln2 lo) * e, as dfmul_vf2_vf2_vf with FMA
        float fe = e;
        float sx = 0.69314718246459960938f * fe;
        float sy = Math.fma(-1.904654323148236017e-09f, fe, Math.fma(0.69314718246459960938f, fe, -sx));
        // x = (m - 1) / (m + 1) as dfdiv_vf2_vf2_vf2(dfadd2(-1, m), dfadd2(1, m))
        float[] n = dfadd2(-1f, m);
        float[] dd = dfadd2(1f, m);
        float t = 1.0f / dd[0];
        float xs = n[0] * t;
        float u = Math.fma(t, n[0], -xs);
        float v = Math.fma(-dd[1], t, Math.fma(-dd[0], t, 1f));
        float xx = xs;
        float xy = Math.fma(xs, v, Math.fma(n[1], t, u));
        float x2 = xx * xx;
        float p = 0.3027294874e+0f;
        p = Math.fma(p, x2, 0.3996108174e+0f);
        p = Math.fma(p, x2, 0.6666694880e+0f);
        // s = dfadd_vf2_vf2_vf2(s, x * 2)
        float ax = xx * 2f;
        float ay = xy * 2f;
        float s1 = sx + ax;
        float s1y = (((sx - s1) + ax) + sy) + ay;
        // s = dfadd_vf2_vf2_vf(s, x2 * x.x * t)
        float w = (x2 * xx) * p;
        float s2 = s1 + w;
        float s2y = ((s1 - s2) + w) + s1y;
        return s2 + s2y;
    }

    /** SLEEF's dfadd2_vf2_vf_vf: the sum as a double-float (head, tail). */
    private static float[] dfadd2(float x, float y) {
        float s = x + y;
        float v = s - x;
        return new float[] {s, (x - (s - v)) + (y - v)};
    }

    private static float pow2i(int q) {
        return Float.intBitsToFloat((q + 0x7f) << 23);
    }
}
