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
}
