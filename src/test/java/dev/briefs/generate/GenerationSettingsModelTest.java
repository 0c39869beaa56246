package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.onnx.ModelConfigException;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tiny fixture models with an edited generation_config.json: the output respects the settings
 * read from the file, and a setting that is refused stops the load. The baselines are the outputs
 * transformers recorded in expected.json (fp32, greedy).
 */
class GenerationSettingsModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> GREEDY = Map.of("num_beams", 1);
    // tiny-marian-en-uk, recorded greedy: [997, 0] and [997, 64 x 30, 0]
    private static final String ENDS_AT_ONCE = "\"Things are really taking off!";
    private static final String REPEATS_64 = "We are determined to do all we can for the people of Afghanistan.\"";
    // tiny-nllb en -> uk, recorded greedy: [2, 827, 336, 455, 488, 780, ...]
    private static final String NLLB_INPUT = "Free Training on CompTIA A+ | Will Cover Full Course";

    @TempDir
    Path tmp;

    private int copies;

    /** A copy of a fixture model whose generation_config.json has {@code key} set to {@code json}. */
    private Path withSetting(String fixture, String key, String json) throws IOException {
        Path dir = TinyModels.install(fixture, tmp, fixture + "-" + key + "-" + copies++);
        Path file = dir.resolve("generation_config.json");
        ObjectNode config = (ObjectNode) JSON.readTree(file.toFile());
        config.set(key, JSON.readTree(json));
        Files.writeString(file, JSON.writeValueAsString(config));
        return dir;
    }

    private static Seq2SeqGenerator load(Path dir) {
        return Seq2SeqGenerator.load(
                dir, OnnxModelOptions.defaults().withVariant(Variant.FP32).withIntraOpThreads(1));
    }

    private static int[] greedy(Seq2SeqGenerator g, String text) {
        return g.generate(List.of(text), GREEDY).get(0).outputIds();
    }

    private static boolean contains(int[] ids, int id) {
        return Arrays.stream(ids).anyMatch(x -> x == id);
    }

    @Test
    void aSuppressedTokenNeverAppearsInGreedyOrBeamOutput() throws IOException {
        try (Seq2SeqGenerator plain = load(TinyModels.FIXTURES.resolve("tiny-marian-en-uk"));
                Seq2SeqGenerator suppressed = load(withSetting("tiny-marian-en-uk", "suppress_tokens", "[64, 183]"))) {
            assertThat(contains(greedy(plain, REPEATS_64), 64))
                    .as("baseline repeats 64")
                    .isTrue();
            assertThat(greedy(suppressed, REPEATS_64)).doesNotContain(64, 183);
            // the model's own defaults: beam search with 4 beams
            for (String text : List.of(REPEATS_64, "I turned up the heat just a little and it did the trick.")) {
                assertThat(suppressed.generate(List.of(text)).get(0).outputIds())
                        .doesNotContain(64, 183);
            }
        }
    }

    @Test
    void aBeginSuppressedTokenCannotComeFirstButMayComeLater() throws IOException {
        try (Seq2SeqGenerator noEarlyEos = load(withSetting("tiny-marian-en-uk", "begin_suppress_tokens", "[0]"));
                Seq2SeqGenerator no64First = load(withSetting("tiny-marian-en-uk", "begin_suppress_tokens", "[64]"))) {
            int[] out = greedy(noEarlyEos, ENDS_AT_ONCE); // [997, 0] without the setting
            assertThat(out[1]).isNotEqualTo(0);
            assertThat(out.length).isGreaterThan(2);
            int[] other = greedy(no64First, REPEATS_64); // [997, 64, 64, ...] without it
            assertThat(other[1]).isNotEqualTo(64);
            assertThat(Arrays.copyOfRange(other, 2, other.length))
                    .as("only the first token is suppressed")
                    .contains(64);
        }
    }

    @Test
    void withAForcedLanguageTokenTheFirstTokenAfterItIsTheOneSuppressed() throws IOException {
        try (Seq2SeqGenerator no336 = load(withSetting("tiny-nllb", "begin_suppress_tokens", "[336]"));
                Seq2SeqGenerator noUkr = load(withSetting("tiny-nllb", "begin_suppress_tokens", "[827]"))) {
            int[] out = no336.generate(List.of(NLLB_INPUT), "en", "uk", GREEDY)
                    .get(0)
                    .outputIds();
            assertThat(out[1]).as("forced ukr_Cyrl").isEqualTo(827);
            assertThat(out[2]).isNotEqualTo(336);
            // begin_index is 2 here (transformers 4.46.3): the forced token itself is not suppressed
            int[] forced = noUkr.generate(List.of(NLLB_INPUT), "en", "uk", GREEDY)
                    .get(0)
                    .outputIds();
            assertThat(forced[1]).isEqualTo(827);
            assertThat(forced).startsWith(2, 827, 336, 455, 488, 780);
        }
    }

    @Test
    void aRefusedSettingStopsTheLoadWithOneLineNamingKeyValueAndFile() throws IOException {
        Path dir = withSetting("tiny-bart", "num_beam_groups", "2");
        Path file = dir.resolve("generation_config.json");
        assertThatThrownBy(() -> OnnxSeq2SeqModel.load(dir))
                .isInstanceOf(ModelConfigException.class)
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("sets num_beam_groups: 2")
                .hasMessageContaining("remove num_beam_groups from " + file + " or set it to 1")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((ModelLoadException) e).getFile()).isEqualTo(file));
        Path forced = withSetting("tiny-marian-en-uk", "forced_decoder_ids", "[[1, 5]]");
        assertThatThrownBy(() -> load(forced))
                .isInstanceOf(ModelConfigException.class)
                .hasMessageContaining("forced_decoder_ids: [[1,5]]");
    }
}
