package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which file and which keys {@link GenerationConfig#load} reads, as transformers 4.46.3 builds a
 * model's generation config, and that no setting that changes its output is dropped silently.
 */
class GenerationConfigFilesTest {

    private static final String SPECIALS =
            "\"bos_token_id\": 0, \"eos_token_id\": 2, \"pad_token_id\": 1, " + "\"decoder_start_token_id\": 2";

    @TempDir
    Path dir;

    private void files(String generationConfig, String config) throws IOException {
        if (generationConfig != null) {
            Files.writeString(dir.resolve("generation_config.json"), generationConfig);
        }
        if (config != null) {
            Files.writeString(dir.resolve("config.json"), config);
        }
    }

    @Test
    void implementedKeysAreRead() throws IOException {
        files(
                "{" + SPECIALS + ", \"suppress_tokens\": [5, 7], \"begin_suppress_tokens\": [9],"
                        + " \"renormalize_logits\": true, \"remove_invalid_values\": true, \"min_new_tokens\": 3}",
                "{}");
        GenerationConfig c = GenerationConfig.load(dir);
        assertThat(c.getSuppressTokens()).containsExactly(5, 7);
        assertThat(c.getBeginSuppressTokens()).containsExactly(9);
        assertThat(c.isRenormalizeLogits()).isTrue();
        assertThat(c.isRemoveInvalidValues()).isTrue();
        assertThat(c.getMinNewTokens()).isEqualTo(3);
        GenerationConfig copy = c.copy();
        assertThat(copy.getSuppressTokens()).containsExactly(5, 7).isNotSameAs(c.getSuppressTokens());
        assertThat(copy.isRenormalizeLogits()).isTrue();
    }

    /** One non-neutral value per refused key: each must stop the load naming key, value, file and the fix. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "do_sample | true",
                "num_return_sequences | 2",
                "num_beam_groups | 2",
                "diversity_penalty | 0.5",
                "penalty_alpha | 0.6",
                "dola_layers | \"low\"",
                "encoder_repetition_penalty | 1.2",
                "encoder_no_repeat_ngram_size | 3",
                "exponential_decay_length_penalty | [5, 1.5]",
                "sequence_bias | [[[5], 1.0]]",
                "guidance_scale | 1.5",
                "constraints | []",
                "forced_decoder_ids | [[1, 5]]",
                "watermarking_config | {\"greenlist_ratio\": 0.25}",
                "max_time | 2.0",
                "stop_strings | [\"end\"]",
                "prompt_lookup_num_tokens | 10",
                "token_healing | true",
                "low_memory | true",
                "cache_implementation | \"static\"",
            })
    void refusedKeysStopTheLoadNamingKeyValueFileAndFix(String key, String value) throws IOException {
        files("{" + SPECIALS + ", \"" + key + "\": " + value + "}", "{}");
        Path file = dir.resolve("generation_config.json");
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .isInstanceOfSatisfying(GenerationSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.file()).isEqualTo(file);
                })
                .hasMessageContaining("sets " + key + ": ")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("remove " + key)
                .hasMessageNotContaining("\n");
    }

    @Test
    void theRefusalSaysWhatTheSettingDoesAndWhichValueIsNeutral() throws IOException {
        files("{" + SPECIALS + ", \"do_sample\": true}", "{}");
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .hasMessage("generation_config.json of model folder " + dir + " sets do_sample: true, with which "
                        + "transformers 4.46.3 samples tokens at random (this engine does greedy and beam search only); "
                        + "this engine does not implement it and will not ignore it: remove do_sample from "
                        + dir.resolve("generation_config.json") + " or set it to false");
    }

    @Test
    void refusedKeysAtTheirNeutralValuesAndKeysThatCannotChangeTheTokensLoad() throws IOException {
        files(
                "{" + SPECIALS + ", \"do_sample\": false, \"num_return_sequences\": 1, \"num_beam_groups\": 1,"
                        + " \"diversity_penalty\": 0.0, \"penalty_alpha\": null, \"encoder_repetition_penalty\": 1.0,"
                        + " \"encoder_no_repeat_ngram_size\": 0, \"exponential_decay_length_penalty\": null,"
                        + " \"guidance_scale\": 1, \"forced_decoder_ids\": null, \"token_healing\": false, \"low_memory\": false,"
                        // sampling parameters (only with do_sample), output flags, cache and metadata
                        + " \"temperature\": 0.7, \"top_k\": 10, \"top_p\": 0.9, \"typical_p\": 0.5, \"use_cache\": false,"
                        + " \"output_scores\": true, \"return_dict_in_generate\": true, \"num_assistant_tokens\": 5,"
                        + " \"transformers_version\": \"4.46.3\", \"some_future_key\": 1}",
                "{}");
        assertThat(GenerationConfig.load(dir).getNumBeams()).isEqualTo(1);
    }

    /** force_words_ids is implemented: read in transformers' format, phrases and accepted forms kept apart. */
    @Test
    void forceWordsIdsLoadWithBeamSearch() throws IOException {
        files("{" + SPECIALS + ", \"num_beams\": 4, \"force_words_ids\": [[5], [[6, 7], [8]]]}", "{}");
        GenerationConfig c = GenerationConfig.load(dir);
        assertThat(c.forceWords()).isNotNull();
        assertThat(c.forceWords().ids()).isEqualTo(List.of(List.of(5), List.of(List.of(6, 7), List.of(8))));
        assertThat(c.copy().forceWords()).isEqualTo(c.forceWords());
    }

    /** transformers refuses to generate with forced words and one beam; the model does not load, saying so. */
    @Test
    void forceWordsIdsWithOneBeamStopTheLoad() throws IOException {
        files("{" + SPECIALS + ", \"num_beams\": 1, \"force_words_ids\": [[5]]}", "{}");
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .isInstanceOfSatisfying(
                        GenerationSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("force_words_ids"))
                .hasMessageContaining("sets force_words_ids with num_beams 1")
                .hasMessageContaining("set num_beams to 2 or more")
                .hasMessageNotContaining("\n");
    }

    /** Values transformers 4.46.3 refuses (its own checks, and the disjunctive trie's) stop the load. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "[5]",
                "[[]]",
                "[[-1]]",
                "[[5.0]]",
                "[[true]]",
                "[[5], [[6], 7]]",
                "[[5, [6]]]",
                "[[[5], []]]",
                "[[[5], [5]]]",
                "[[[5], [5, 6]]]",
                "\"5\"",
            })
    void malformedForceWordsIdsStopTheLoad(String value) throws IOException {
        files("{" + SPECIALS + ", \"num_beams\": 4, \"force_words_ids\": " + value + "}", "{}");
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .isInstanceOfSatisfying(
                        GenerationSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("force_words_ids"))
                .hasMessageContaining("sets force_words_ids: ")
                .hasMessageContaining("which is not a valid value")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusedKeysInConfigJsonCountWhenThereIsNoGenerationConfig() throws IOException {
        files(null, "{" + SPECIALS + ", \"d_model\": 32, \"num_beam_groups\": 2}");
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .isInstanceOf(GenerationSettingException.class)
                .hasMessageContaining("config.json of model folder " + dir + " sets num_beam_groups: 2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"suppress_tokens\": 5",
                "\"suppress_tokens\": [\"a\"]",
                "\"num_beams\": \"many\"",
                "\"early_stopping\": \"sometimes\""
            })
    void unreadableValuesOfImplementedKeysAreClearErrors(String entry) throws IOException {
        files("{" + SPECIALS + ", " + entry + "}", "{}");
        String key = entry.substring(1, entry.indexOf('"', 1));
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .isInstanceOfSatisfying(
                        GenerationSettingException.class,
                        e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining("sets " + key + ": ")
                .hasMessageContaining("not a valid value")
                .hasMessageContaining(dir.resolve("generation_config.json").toString());
    }

    @Test
    void withAGenerationConfigNothingFallsBackToConfigJsonAndTheStartTokenIsBos() throws IOException {
        // transformers 4.46.3 reads generation_config.json alone; the decoder then starts with bos_token_id
        files(
                "{\"bos_token_id\": 0, \"eos_token_id\": 2}",
                "{\"decoder_start_token_id\": 7, \"pad_token_id\": 1, \"num_beams\": 4, \"max_position_embeddings\": 64}");
        GenerationConfig c = GenerationConfig.load(dir);
        assertThat(c.getDecoderStartTokenId()).isNull();
        assertThat(c.resolveDecoderStartTokenId()).isEqualTo(0);
        assertThat(c.resolvePadTokenId()).as("pad falls back to the first EOS").isEqualTo(2);
        assertThat(c.getNumBeams()).isEqualTo(1);
        assertThat(c.getMaxPositionEmbeddings())
                .as("the network's limit still comes from config.json")
                .isEqualTo(64);
    }

    @Test
    void withoutAGenerationConfigEverySettingComesFromConfigJson() throws IOException {
        files(
                null,
                "{\"decoder_start_token_id\": 7, \"bos_token_id\": 0, \"eos_token_id\": 2, \"num_beams\": 4,"
                        + " \"suppress_tokens\": [3]}");
        GenerationConfig c = GenerationConfig.load(dir);
        assertThat(c.resolveDecoderStartTokenId()).isEqualTo(7);
        assertThat(c.getNumBeams()).isEqualTo(4);
        assertThat(c.getSuppressTokens()).containsExactly(3);
    }

    @Test
    void neitherDecoderStartNorBosIsAClearErrorAtLoad() throws IOException {
        files("{\"eos_token_id\": 2, \"pad_token_id\": 1}", "{\"decoder_start_token_id\": 2}");
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .isInstanceOf(GenerationSettingException.class)
                .hasMessageContaining("sets neither decoder_start_token_id nor bos_token_id")
                .hasMessageContaining(dir.resolve("generation_config.json").toString());
        assertThatThrownBy(() -> new GenerationConfig().resolveDecoderStartTokenId())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGenerationConfigMadeFromTheModelConfigMustAgreeWithIt() throws IOException {
        String same = "{" + SPECIALS + ", \"num_beams\": 4, \"max_length\": 30, \"d_model\": 32}";
        files("{\"_from_model_config\": true, " + SPECIALS + ", \"num_beams\": 4, \"max_length\": 30}", same);
        assertThat(GenerationConfig.load(dir).getNumBeams()).isEqualTo(4);

        // transformers 4.46.3 may swap in config.json's settings: refused, naming the difference
        files(
                "{\"_from_model_config\": true, " + SPECIALS + ", \"num_beams\": 4, \"max_length\": 30}",
                "{" + SPECIALS + ", \"num_beams\": 6, \"max_length\": 30}");
        assertThatThrownBy(() -> GenerationConfig.load(dir))
                .isInstanceOfSatisfying(
                        GenerationSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("_from_model_config"))
                .hasMessageContaining("num_beams (4 here, 6 in config.json)")
                .hasMessageContaining("remove _from_model_config from " + dir.resolve("generation_config.json"));

        // without the mark the files may differ: generation_config.json alone counts
        files("{" + SPECIALS + ", \"num_beams\": 4}", "{" + SPECIALS + ", \"num_beams\": 6}");
        assertThat(GenerationConfig.load(dir).getNumBeams()).isEqualTo(4);
    }
}
