package dev.briefs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.generate.BeamSearch;
import dev.briefs.generate.Generation;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.ParityTest;
import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a {@code batch.length-bucket} above 1 costs: every input is padded (with the attention mask)
 * to a multiple of the bucket, which changes the last bits of the logits. On every fp32 case that
 * {@code transformers} recorded for the fixture models, one input at a time, the padded run still
 * gives transformers' tokens.
 */
class BucketPaddingParityTest {

    @TestFactory
    Stream<DynamicNode> paddedToABucketTheRecordedCasesKeepTheirTokens() throws IOException {
        List<DynamicNode> tests = new ArrayList<>();
        for (String fixture : List.of("tiny-marian-en-uk", "tiny-marian-uk-en", "tiny-bart")) {
            JsonNode root = new ObjectMapper()
                    .readTree(TinyModels.FIXTURES
                            .resolve(fixture)
                            .resolve("expected.json")
                            .toFile());
            BeamSearch.LengthConvention convention = BeamSearch.LengthConvention.forTransformersVersion(
                    root.path("versions").path("transformers").asString(null));
            for (JsonNode c : root.get("cases")) {
                if (!c.get("variant").asString().equals("fp32")
                        || c.path("batched").asBoolean(false)) {
                    continue;
                }
                for (int bucket : new int[] {8, 16, 32}) {
                    tests.add(DynamicTest.dynamicTest(
                            fixture + " " + c.get("name").asString() + " bucket " + bucket,
                            () -> assertPaddedRunMatches(fixture, c, bucket, convention)));
                }
            }
        }
        return tests.stream();
    }

    private static void assertPaddedRunMatches(
            String fixture, JsonNode c, int bucket, BeamSearch.LengthConvention convention) {
        try (OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(
                TinyModels.FIXTURES.resolve(fixture),
                OnnxModelOptions.defaults()
                        .withVariant(Variant.FP32)
                        .withLayout(DecoderLayout.MERGED)
                        .withIntraOpThreads(1))) {
            GenerationConfig config = model.generationConfig().override(ParityTest.settings(c.get("settings")));
            BatchSettings settings = new BatchSettings(16, 8192, bucket);
            for (int row = 0; row < c.get("input_ids").size(); row++) {
                JsonNode in = c.get("input_ids").get(row);
                int padTo = Math.min(
                        settings.paddedLength(in.size()),
                        model.maxPositions() != null ? model.maxPositions() : Integer.MAX_VALUE);
                long[] ids = new long[Math.max(padTo, in.size())];
                long[] mask = new long[ids.length];
                Arrays.fill(ids, config.resolvePadTokenId());
                for (int i = 0; i < in.size(); i++) {
                    ids[i] = in.get(i).longValue();
                    mask[i] = 1;
                }
                int[] out = Generation.generate(model, new long[][] {ids}, new long[][] {mask}, config, convention)[0];
                int[] expected = new int[c.get("output_ids").get(row).size()];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = c.get("output_ids").get(row).get(i).intValue();
                }
                assertThat(out)
                        .as("row %d padded from %d to %d tokens", row, in.size(), ids.length)
                        .containsExactly(expected);
            }
        }
    }
}
