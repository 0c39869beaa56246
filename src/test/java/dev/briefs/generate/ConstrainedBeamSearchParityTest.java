package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import dev.briefs.support.LogitScale;
import dev.briefs.support.RoundingBound;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Constrained beam search ({@code force_words_ids}) token for token as transformers 4.46.3, on the recorded cases
 * of {@code constrained/constrained-beam-search.json} ({@code tools/fixtures/make_constrained_cases.py}): one
 * word, several, accepted forms, a word longer than the room left, a padded batch and six beams with many
 * words, on three fixture models, fp32 and int8, through the real ONNX path with both decoder layouts.
 */
public class ConstrainedBeamSearchParityTest {

    /*
     * Tokens are exact, but for a row on a near-tie (NearTies: rows that change when every logit moves by the
     * float32 bound of two executions), which is compared up to it. Each row's running score after each token
     * (what transformers' output_scores records in constrained beam search: the beam's cumulative score) is
     * compared with the engine's path summed in float32, within the bound of the sum: per token, the bound of
     * one log-probability of two executions (RoundingBound#logProb at the step's logit scale), plus the
     * float32 rounding of each addition (half an ulp of the running score at most, UNIT_ROUNDOFF times it).
     */

    /** Per model, its cases (7 kinds, fp32 and int8); a lost case turns the build red. */
    static final Map<String, Integer> EXPECTED_CASES =
            Map.of("tiny-marian-en-uk", 14, "tiny-marian-uk-en", 14, "tiny-bart", 14);

    static final List<String> KINDS = List.of(
            "one_word",
            "several_words",
            "accepted_forms",
            "word_and_forms_lp0.6",
            "longer_than_room",
            "batch_padding",
            "many_words_6_beams");

    private static final Set<String> NEAR_TIE_ROWS = new ConcurrentSkipListSet<>();
    private static JsonNode fixture;

    /** The recorded file. */
    public static synchronized JsonNode fixture() {
        if (fixture == null) {
            try (InputStream in = ConstrainedBeamSearchParityTest.class.getResourceAsStream(
                    "/constrained/constrained-beam-search.json")) {
                assertThat(in)
                        .as("constrained/constrained-beam-search.json (tools/fixtures/make_constrained_cases.py)")
                        .isNotNull();
                fixture = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixture;
    }

    /** A recorded case of a model by name and variant ("fp32", "quantized"). */
    public static JsonNode recordedCase(String model, String name, String variant) {
        for (JsonNode c : fixture().get("models").get(model)) {
            if (c.get("name").asString().equals(name)
                    && c.get("variant").asString().equals(variant)) {
                return c;
            }
        }
        throw new AssertionError(model + ": no constrained case " + name + " [" + variant + "]");
    }

    @AfterAll
    static void printNearTiesAndClose() {
        if (!NEAR_TIE_ROWS.isEmpty()) {
            System.out.println("ConstrainedBeamSearchParityTest: " + NEAR_TIE_ROWS.size()
                    + " rows on a near-tie within the float32 bound, compared up to it:");
            NEAR_TIE_ROWS.forEach(r -> System.out.println("  " + r));
        }
        ParityTest.closeModels();
    }

    @Test
    void everyModelVariantAndKindOfCaseIsRecorded() {
        JsonNode models = fixture().get("models");
        assertThat(models.propertyNames()).containsExactlyInAnyOrderElementsOf(EXPECTED_CASES.keySet());
        assertThat(fixture().get("versions").get("transformers").asString()).isEqualTo("4.46.3");
        int unfulfilled = 0;
        for (Map.Entry<String, Integer> e : EXPECTED_CASES.entrySet()) {
            JsonNode cases = models.get(e.getKey());
            assertThat(cases.size()).as("%s cases", e.getKey()).isEqualTo(e.getValue());
            for (String variant : List.of("fp32", "quantized")) {
                for (String kind : KINDS) {
                    JsonNode c = recordedCase(e.getKey(), kind, variant);
                    assertThat(c.get("output_ids").size())
                            .isEqualTo(c.get("input_ids").size());
                    for (JsonNode f : c.get("fulfilled")) {
                        unfulfilled += f.booleanValue() ? 0 : 1;
                    }
                }
                assertThat(recordedCase(e.getKey(), "batch_padding", variant)
                                .get("batched")
                                .booleanValue())
                        .isTrue();
            }
            for (JsonNode row :
                    recordedCase(e.getKey(), "longer_than_room", "fp32").get("fulfilled")) {
                assertThat(row.booleanValue())
                        .as("%s: a word longer than the room is never there", e.getKey())
                        .isFalse();
            }
        }
        // most outputs do hold their words; those that cannot are the longer_than_room rows and few others
        assertThat(unfulfilled).isPositive();
    }

    @TestFactory
    Stream<DynamicNode> parity() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (String name : EXPECTED_CASES.keySet().stream().sorted().toList()) {
            for (DecoderLayout layout : DecoderLayout.values()) {
                List<DynamicNode> tests = new ArrayList<>();
                for (JsonNode c : fixture().get("models").get(name)) {
                    Variant variant = Variant.parse(c.get("variant").asString());
                    tests.add(DynamicTest.dynamicTest(
                            c.get("name").asString() + " [" + variant + "]", () -> runCase(name, c, variant, layout)));
                }
                nodes.add(DynamicContainer.dynamicContainer(name + " " + layout, tests));
            }
        }
        return nodes.stream();
    }

    private static void runCase(String name, JsonNode c, Variant variant, DecoderLayout layout) {
        OnnxSeq2SeqModel model = ParityTest.model(name, variant, layout);
        GenerationConfig cfg = model.generationConfig().override(ParityTest.settings(c.get("settings")));
        ForceWords words = cfg.forceWords();
        assertThat(words).isNotNull();
        assertThat(words)
                .hasToString(c.get("settings").get("force_words_ids").toString().replace(",", ", "));
        LogitScale observed = new LogitScale(model);
        List<long[]> inputs = ParityTest.inputIds(c);
        List<ScoredSequence> actual = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        if (c.get("batched").booleanValue()) {
            long[][][] p = ParityTest.pad(inputs, cfg.resolvePadTokenId());
            actual.addAll(List.of(Generation.generateScored(observed, p[0], p[1], cfg)));
            double scale = observed.takeMax();
            inputs.forEach(in -> scales.add(scale));
        } else {
            for (long[] in : inputs) {
                long[][][] p = ParityTest.pad(List.of(in), cfg.resolvePadTokenId());
                actual.add(Generation.generateScored(observed, p[0], p[1], cfg)[0]);
                scales.add(observed.takeMax());
            }
        }
        int[] stable = NearTies.stablePrefixes(name, c);
        RoundingBound bound = RoundingBound.seq2seq(ParityTest.modelsDir().resolve(name));
        assertThat(actual).hasSize(c.get("output_ids").size());
        for (int i = 0; i < actual.size(); i++) {
            String what = name + " " + c.get("name").asString() + " [" + variant + "] " + layout + " row " + i;
            int[] expected = ints(c.get("output_ids").get(i));
            ScoredSequence got = actual.get(i);
            if (stable[i] < expected.length) {
                assertThat(got.tokens())
                        .as("%s, its %d stable tokens", what, stable[i])
                        .startsWith(Arrays.copyOf(expected, stable[i]));
                NEAR_TIE_ROWS.add(what + ": stable for " + stable[i] + " of " + expected.length + " tokens");
            } else {
                assertThat(got.tokens()).as(what).containsExactly(expected);
                assertThat(ConstraintListState.fulfils(words.constraints(), got.tokens()))
                        .as("%s holds its words", what)
                        .isEqualTo(c.get("fulfilled").get(i).booleanValue());
            }
            JsonNode running = c.get("running_scores").get(i);
            if (running.isNull()) {
                continue; // transformers gave no beam path for this row (see the script)
            }
            double perToken = bound.logProb(scales.get(i), 1.0);
            float sum = 0f;
            for (int j = 0; j < Math.min(stable[i], expected.length) - 1; j++) {
                sum = got.tokenScores()[j] + sum; // as the beam's running score adds it
                double recorded = running.get(j).doubleValue();
                double tolerance = (j + 1) * (perToken + RoundingBound.UNIT_ROUNDOFF * Math.abs(recorded));
                assertThat((double) sum)
                        .as("%s running score after token %d", what, j)
                        .isCloseTo(recorded, within(tolerance));
            }
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).intValue();
        }
        return out;
    }

    /** transformers' constrained search needs beams; greedy search refuses forced words, saying what to set. */
    @Test
    void greedySearchRefusesForcedWords() {
        OnnxSeq2SeqModel model = ParityTest.model("tiny-marian-en-uk", Variant.FP32, DecoderLayout.MERGED);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("num_beams", 1);
        settings.put("force_words_ids", List.of(List.of(5L, 6L)));
        GenerationConfig cfg = model.generationConfig().override(settings);
        long[][][] p = ParityTest.pad(List.of(new long[] {5, 6, 0}), cfg.resolvePadTokenId());
        assertThatThrownBy(() -> Generation.generateScored(model, p[0], p[1], cfg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("force_words_ids needs beam search")
                .hasMessageContaining("num_beams 1")
                .hasMessageContaining("set num_beams to 2 or more");
    }
}
