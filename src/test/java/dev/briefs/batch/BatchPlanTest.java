package dev.briefs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.onnx.CallMemory;
import dev.briefs.support.TinyModels;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How many inputs share a call: within the rows and padded tokens, and within what the call holds in memory, which
 * grows with the square of the length (attention's scores) and with the beams (the decoder's cache and logits).
 */
class BatchPlanTest {

    /** distilbart-cnn-6-6's dimensions (config.json) with the benchmark's generation: 4 beams, 60 new tokens. */
    private static final CallMemory DISTILBART = new CallMemory(1024, 16, 4096, 6, 50265, 4, 60);

    /** The rows of every call of {@code count} inputs of one length. */
    private static List<Integer> callSizes(int count, int length, BatchSettings settings, CallMemory memory) {
        int[] lengths = new int[count];
        Arrays.fill(lengths, length);
        String[] groups = new String[count];
        Arrays.fill(groups, "en-en");
        return BatchPlan.plan(lengths, groups, settings, true, memory).stream()
                .map(b -> b.inputs().size())
                .toList();
    }

    @Test
    void atAFixedBoundRowsShrinkWithTheSquareOfTheLengthNeverBelowOne() {
        // No row or token limit in the way: only the memory bound decides.
        BatchSettings settings = new BatchSettings(Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 1024);
        int previous = Integer.MAX_VALUE;
        for (int length = 64; length <= 8192; length *= 2) {
            int rows = settings.rowsPerCall(length, DISTILBART);
            assertThat(rows).as("length %d", length).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(previous);
            assertThat(DISTILBART.bytes(rows, length))
                    .as("length %d, %d rows within 1 GiB unless one alone is over it", length, rows)
                    .satisfiesAnyOf(
                            bytes -> assertThat(bytes).isLessThanOrEqualTo(1L << 30),
                            bytes -> assertThat(rows).isEqualTo(1));
            previous = rows;
        }
        // Quadratic, not linear: at a bound where many rows fit, eight times the length lets far more than
        // eight times fewer rows share a call.
        BatchSettings roomy = new BatchSettings(Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 64 * 1024);
        assertThat(roomy.rowsPerCall(512, DISTILBART)).isGreaterThan(16 * roomy.rowsPerCall(4096, DISTILBART));
        assertThat(settings.rowsPerCall(8192, DISTILBART)).isEqualTo(1);
        // The estimate's attention term alone, 16 heads x L x L floats twice, is a floor under it.
        assertThat(DISTILBART.bytes(1, 4096)).isGreaterThan(2L * 16 * 4096 * 4096 * 4);
    }

    @Test
    void everyInputRunsOnceWhateverTheBound() {
        // One input is over a tiny bound: it still runs, alone; all inputs are planned, none twice.
        BatchSettings tight = new BatchSettings(16, 8192, 32, 1);
        List<Integer> sizes = callSizes(10, 1024, tight, DISTILBART);
        assertThat(sizes).hasSize(10).containsOnly(1);
        BatchSettings roomy = new BatchSettings(16, 1 << 20, 32, 1 << 20);
        assertThat(callSizes(40, 1024, roomy, DISTILBART)).containsExactly(16, 16, 8);
    }

    @Test
    void theMemoryBoundCutsOnlyWhereItIsTighterThanRowsAndTokens() {
        BatchSettings defaults = BatchSettings.DEFAULTS;
        // Short inputs: max-rows decides, as before the bound.
        assertThat(callSizes(32, 64, defaults, DISTILBART)).containsExactly(16, 16);
        // Long inputs: the bound cuts below what max-tokens (8192 / 1024 = 8 rows) lets through.
        int rows = defaults.rowsPerCall(1024, DISTILBART);
        assertThat(rows).isLessThan(8);
        assertThat(DISTILBART.bytes(rows, 1024)).isLessThanOrEqualTo((long) defaults.maxCallMib() << 20);
        assertThat(DISTILBART.bytes(rows + 1, 1024)).isGreaterThan((long) defaults.maxCallMib() << 20);
        // A model of unknown dimensions is bounded by rows and tokens alone.
        assertThat(defaults.rowsPerCall(1024, CallMemory.UNKNOWN)).isEqualTo(8);
    }

    @Test
    void beamsAndNewTokensMakeACallLarger() {
        CallMemory greedy = new CallMemory(1024, 16, 4096, 6, 50265, 1, 60);
        CallMemory longer = new CallMemory(1024, 16, 4096, 6, 50265, 4, 240);
        assertThat(greedy.bytes(8, 256)).isLessThan(DISTILBART.bytes(8, 256));
        assertThat(longer.bytes(8, 256)).isGreaterThan(DISTILBART.bytes(8, 256));
    }

    @Test
    void aLoadedModelsEstimateIsReadFromItsConfigAndGenerationSettings() {
        try (Seq2SeqGenerator model = Seq2SeqGenerator.load(TinyModels.FIXTURES.resolve("tiny-bart"))) {
            // tiny-bart: d_model 32, 4 heads, ffn 64, 2 decoder layers, vocabulary 1,001; 4 beams, max_length 30.
            assertThat(model.callMemory()).isEqualTo(new CallMemory(32, 4, 64, 2, 1001, 4, 30));
        }
    }
}
