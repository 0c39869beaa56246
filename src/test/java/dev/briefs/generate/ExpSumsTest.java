package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked, vectorizable sum of exponentials against the one-element-at-a-time reference that
 * torch's fixtures pin down ({@code TorchLogSoftmaxTest}): equal bits, never close values.
 */
class ExpSumsTest {

    /**
     * One exponential at a time: eight copies of d in a row of length 8 put exp(d) once into each
     * lane, and the fold adds them exactly (equal powers of two apart), so the sum is 8 exp(d) and
     * a different exp(d) gives a different sum. Every 1,009th float from -0 down to -inf (2.1
     * million), both ends, and the edges of each path: subnormal results, SLEEF's mask at -104, NaN.
     */
    @Test
    void eachExponentialEqualsTheReference() {
        List<Float> ds = new ArrayList<>();
        for (long bits = 0x80000000L; bits <= 0xff800000L; bits += 1009) {
            ds.add(Float.intBitsToFloat((int) bits));
        }
        for (float edge : new float[] {-0f, 0f, -87.3f, -87.33655f, -88.7f, -103.97f, -104f, -104.00001f, -150f}) {
            ds.add(edge);
            ds.add(Math.nextUp(edge));
            ds.add(Math.nextDown(edge));
        }
        ds.add(Float.NEGATIVE_INFINITY);
        ds.add(Float.NaN);
        List<String> differing = new ArrayList<>();
        float[] row = new float[8];
        for (float d : ds) {
            java.util.Arrays.fill(row, d);
            float fast = ExpSums.sumExp(row, 0f);
            float reference = TorchLogSoftmax.sumExpReference(row, 0f);
            if (Float.floatToIntBits(fast) != Float.floatToIntBits(reference)) {
                differing.add(d + ": " + fast + " vs " + reference);
            }
        }
        assertThat(ds).hasSizeGreaterThan(2_000_000);
        assertThat(differing).isEmpty();
    }

    /** Every float SLEEF masks but the kernel clamps to -105 rather than masking gives +0 too. */
    @Test
    void everyFloatBetweenTheClampAndTheMaskGivesZero() {
        float[] row = new float[8];
        int checked = 0;
        for (float d = -105.5f; d < -103.5f; d = Math.nextUp(d)) {
            java.util.Arrays.fill(row, d);
            float fast = ExpSums.sumExp(row, 0f);
            assertThat(Float.floatToRawIntBits(fast))
                    .as("d = %s", d)
                    .isEqualTo(Float.floatToRawIntBits(TorchLogSoftmax.sumExpReference(row, 0f)));
            checked++;
        }
        assertThat(checked).isEqualTo(262_144);
    }

    /**
     * Whole rows, seeded: lengths 1 to 40, around the 8-lane and 2,048-element block boundaries,
     * and the opus-mt vocabulary; logits spread narrow and wide (results far below 2^-126 and under
     * SLEEF's mask), quantized into exact ties, with -inf, NaN, +inf and huge and subnormal values.
     */
    @Test
    void rowsEqualTheReferenceBitForBit() {
        Random random = new Random(19);
        List<Integer> lengths = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            lengths.add(n);
        }
        lengths.addAll(List.of(2047, 2048, 2049, 2055, 4095, 4103, 6151, 61587));
        List<String> differing = new ArrayList<>();
        int rows = 0;
        for (int n : lengths) {
            for (int kind = 0; kind < 8; kind++) {
                float[] row = row(random, n, kind);
                float max = ExpSums.max(row);
                if (max == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                float fast = ExpSums.sumExp(row, max);
                float reference = TorchLogSoftmax.sumExpReference(row, max);
                if (Float.floatToIntBits(fast) != Float.floatToIntBits(reference)) {
                    differing.add("n " + n + " kind " + kind + ": " + fast + " vs " + reference);
                }
                float[] expected = referenceLogSoftmax(row);
                float[] actual = row.clone();
                TorchLogSoftmax.inPlace(actual);
                for (int i = 0; i < n; i++) {
                    if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                        differing.add("n " + n + " kind " + kind + " element " + i);
                        break;
                    }
                }
                int argmax = GreedySearch.argmax(row);
                float at = TorchLogSoftmax.at(row, argmax);
                float atArgmax = TorchLogSoftmax.atArgmax(row, argmax);
                if (Float.floatToIntBits(at) != Float.floatToIntBits(atArgmax)) {
                    differing.add("n " + n + " kind " + kind + ": at " + at + " vs atArgmax " + atArgmax);
                }
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(350);
        assertThat(differing).isEmpty();
    }

    private static float[] row(Random random, int n, int kind) {
        float[] row = new float[n];
        for (int i = 0; i < n; i++) {
            row[i] = switch (kind) {
                case 0 -> (float) random.nextGaussian() * 3f; // fp32-like logits
                case 1 -> Math.round(random.nextGaussian() * 4) * 0.25f; // int8-like: exact ties
                case 2 -> (float) random.nextGaussian() * 60f; // wide: subnormal and masked results
                case 3 -> random.nextInt(20) == 0 ? Float.NEGATIVE_INFINITY : (float) random.nextGaussian() * 5f;
                case 4 -> random.nextInt(50) == 0 ? Float.NaN : (float) random.nextGaussian();
                case 5 -> random.nextBoolean() ? 1e30f * (float) random.nextGaussian() : 1e-40f * random.nextInt(5);
                case 6 -> i == n / 2 ? Float.POSITIVE_INFINITY : (float) random.nextGaussian();
                default -> random.nextInt(4) == 0 ? -0f : (random.nextBoolean() ? 0f : -90f - random.nextInt(20));
            };
        }
        return row;
    }

    /** TorchLogSoftmax.inPlace as it was before the fast path: the scalar reference throughout. */
    private static float[] referenceLogSoftmax(float[] x) {
        float[] row = x.clone();
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            if (v > max) {
                max = v;
            }
        }
        float lse = TorchLogSoftmax.sleefLogf(TorchLogSoftmax.sumExpReference(row, max));
        for (int i = 0; i < row.length; i++) {
            row[i] = (row[i] - max) - lse;
        }
        return row;
    }
}
