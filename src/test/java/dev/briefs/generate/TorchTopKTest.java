package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** torch.topk's order of equal values (largest, sorted) on CPU. */
class TorchTopKTest {

    @Test
    void partialSortPathPutsTiesInHeapOrderNotIndexOrder() {
        // k * 64 <= n: std::partial_sort. Traced by hand through libstdc++'s heap: the heap of the
        // first three zeros is [2, 1, 0]; the 1 at index 3 replaces its top (index 2) and the heap
        // sort then yields 1 before 0.
        float[] x = new float[192];
        Arrays.fill(x, -1f);
        x[0] = 0f;
        x[1] = 0f;
        x[2] = 0f;
        x[3] = 1f;
        assertThat(TorchTopK.topK(x, 3)).containsExactly(3, 1, 0);
    }

    @Test
    void nthElementPathOnASmallRowKeepsTheOrderItsPartitionsLeave() {
        // k * 64 > n: std::nth_element(k - 1) then std::sort of the first k - 1 (traced by hand)
        assertThat(TorchTopK.topK(new float[] {1f, 5f, 3f, 5f, 0f, 4f}, 4)).containsExactly(1, 3, 5, 2);
    }

    @Test
    void allEqualRowsKeepIndexOrderOnlyOnThePartialSortPath() {
        // as torch 2.5.1 returns them: the heap keeps equal values in place, introselect's
        // partitions swap them around
        assertThat(TorchTopK.topK(new float[192], 3)).containsExactly(0, 1, 2);
        assertThat(TorchTopK.topK(new float[10], 1)).containsExactly(8);
        assertThat(TorchTopK.topK(new float[10], 4)).containsExactly(8, 6, 7, 5);
    }

    @Test
    void nanCountsAsLargest() {
        assertThat(TorchTopK.topK(new float[] {1f, Float.NaN, 3f}, 2)).containsExactly(1, 2);
    }

    @Test
    void kOutOfRangeIsRefusedAndZeroIsEmpty() {
        assertThat(TorchTopK.topK(new float[] {1f}, 0)).isEmpty();
        assertThatThrownBy(() -> TorchTopK.topK(new float[] {1f}, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Rows full of ties, recorded from torch 2.5.1 by tools/fixtures/make_topk_cases.py. */
    @TestFactory
    Stream<DynamicTest> matchesTorchOnRowsFullOfTies() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/torch-topk-cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("cases")) {
            JsonNode vals = c.get("values");
            float[] x = new float[vals.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = vals.get(j).isNull() ? Float.NaN : vals.get(j).floatValue();
            }
            int k = c.get("k").intValue();
            int[] expected = new int[k];
            for (int j = 0; j < k; j++) {
                expected[j] = c.get("indices").get(j).intValue();
            }
            tests.add(DynamicTest.dynamicTest(
                    "case " + i++ + ": n " + x.length + ", k " + k,
                    () -> assertThat(TorchTopK.topK(x, k)).containsExactly(expected)));
        }
        assertThat(tests).hasSizeGreaterThan(50);
        return tests.stream();
    }

    /**
     * The beams' streamed top-k against the flattened array's, seeded: equal beam scores and
     * quantized log-probabilities (exact ties across beams), -inf, NaN, beams still at -1e9, on
     * both of torch's paths (k * 64 within and beyond the flattened length).
     */
    @Test
    void streamedBeamsRankAsTheFlattenedArray() {
        java.util.Random random = new java.util.Random(19);
        int cases = 0;
        for (int vocab : new int[] {3, 17, 40, 64, 257, 1000, 4099}) {
            for (int nb : new int[] {1, 2, 4, 5}) {
                for (int kind = 0; kind < 6; kind++) {
                    float[][] rows = new float[nb + 1][vocab];
                    float[] add = new float[nb + 1];
                    for (int b = 0; b < nb + 1; b++) {
                        add[b] = switch (kind) {
                            case 0 -> 0f;
                            case 1 -> b == 1 ? 0f : -1e9f;
                            default -> -Math.round(random.nextDouble() * 8) * 0.5f;
                        };
                        for (int t = 0; t < vocab; t++) {
                            float u = Math.round(random.nextGaussian() * 6) * 0.125f - 10f;
                            rows[b][t] = switch (kind) {
                                case 3 -> random.nextInt(7) == 0 ? Float.NEGATIVE_INFINITY : u;
                                case 4 -> random.nextInt(300) == 0 ? Float.NaN : u;
                                case 5 -> (float) random.nextGaussian();
                                default -> u;
                            };
                        }
                    }
                    for (int k : new int[] {1, 2 * nb, 3 * nb, Math.min(nb * vocab, 70)}) {
                        float[] flat = new float[nb * vocab];
                        for (int b = 0; b < nb; b++) {
                            for (int t = 0; t < vocab; t++) {
                                flat[b * vocab + t] = rows[1 + b][t] + add[1 + b];
                            }
                        }
                        assertThat(TorchTopK.topKOfSums(rows, add, 1, nb, k))
                                .as("vocab %d, beams %d, kind %d, k %d", vocab, nb, kind, k)
                                .containsExactly(TorchTopK.topK(flat, k));
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(7 * 4 * 6 * 4);
    }

    /** The recorded tie cases, cut into beams of a zero running score, give torch's indices. */
    @TestFactory
    Stream<DynamicTest> streamedBeamsMatchTorchOnRowsFullOfTies() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/torch-topk-cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("cases")) {
            JsonNode vals = c.get("values");
            int k = c.get("k").intValue();
            int[] expected = new int[k];
            for (int j = 0; j < k; j++) {
                expected[j] = c.get("indices").get(j).intValue();
            }
            for (int nb : new int[] {1, 2, 4}) {
                if (vals.size() % nb != 0) {
                    continue;
                }
                int vocab = vals.size() / nb;
                float[][] rows = new float[nb][vocab];
                for (int j = 0; j < vals.size(); j++) {
                    rows[j / vocab][j % vocab] =
                            vals.get(j).isNull() ? Float.NaN : vals.get(j).floatValue();
                }
                tests.add(DynamicTest.dynamicTest(
                        "case " + i + " in " + nb + " beams: n " + vals.size() + ", k " + k,
                        () -> assertThat(TorchTopK.topKOfSums(rows, new float[nb], 0, nb, k))
                                .containsExactly(expected)));
            }
            i++;
        }
        assertThat(tests).hasSizeGreaterThan(50);
        return tests.stream();
    }
}
