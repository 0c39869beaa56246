package dev.briefs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.support.RoundingBound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sentence-embedding folder in the hub's Optimum layout gives the vectors sentence-transformers gives:
 * the tiny multilingual model of tools/fixtures/make_tiny_embedding.py, whose expected.json holds
 * sentence-transformers' token ids and normalised embeddings for mean pooling at 32 tokens and, with the
 * sentence-transformers files added, first-token pooling at 16.
 */
class FolderEmbeddingModelTest {

    static final Path TINY = Path.of("src/test/resources/models/tiny-multilingual-embedding");

    @TempDir
    Path tmp;

    static JsonNode recordedCase(String name) throws IOException {
        JsonNode expected = JsonMapper.builder()
                .build()
                .readTree(TINY.resolve("expected.json").toFile());
        for (JsonNode c : expected.get("cases")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("tools/fixtures/make_tiny_embedding.py recorded no case " + name);
    }

    @Test
    void aHubExportWithoutSentenceTransformersFilesIsMeanPooledAsSentenceTransformersDoes() throws IOException {
        JsonNode recorded = recordedCase("mean_32");
        try (FolderEmbeddingModel model =
                FolderEmbeddingModel.load("tiny", TINY, FolderEmbeddingModel.DEFAULT_GRAPH, 32)) {
            assertThat(model.settings().pooling()).isEqualTo(Pooling.MEAN);
            assertMatches(model, recorded);
        }
    }

    @Test
    void poolingAndLengthComeFromTheSentenceTransformersFilesWhenTheFolderHasThem() throws IOException {
        Path dir = copyOfTiny();
        Files.createDirectories(dir.resolve("1_Pooling"));
        Files.writeString(
                dir.resolve("1_Pooling/config.json"),
                "{\"word_embedding_dimension\": 32, \"pooling_mode_cls_token\": true, \"pooling_mode_mean_tokens\": false}");
        Files.writeString(
                dir.resolve("sentence_bert_config.json"), "{\"max_seq_length\": 16, \"do_lower_case\": false}");
        try (FolderEmbeddingModel model =
                FolderEmbeddingModel.load("tiny", dir, FolderEmbeddingModel.DEFAULT_GRAPH, 32)) {
            assertThat(model.settings().pooling()).isEqualTo(Pooling.CLS);
            assertThat(model.settings().maxTokens()).isEqualTo(16);
            assertMatches(model, recordedCase("cls_16"));
        }
    }

    @Test
    void withoutSentenceTransformersFilesATextIsCutToTheModelsPositionsNotBeyond() {
        // The job asks for 128 tokens (paraphrase-multilingual's length); this model has 64 positions.
        try (FolderEmbeddingModel model =
                FolderEmbeddingModel.load("tiny", TINY, FolderEmbeddingModel.DEFAULT_GRAPH, 128)) {
            assertThat(model.settings().maxTokens()).isEqualTo(64);
            assertThat(model.settings().source())
                    .contains("max 64 tokens (no sentence_bert_config.json; the model's positions)");
            String longText = "Порт Чорноморськ знову відкрив зерновий термінал після ремонту. ".repeat(20);
            assertThat(model.tokenIds(longText)).hasSize(64);
            assertThat(model.embed(List.of(longText))[0]).hasSize(32);
        }
    }

    @Test
    void aPoolingItCannotComputeOrAMissingGraphIsRefusedNamingTheFile() throws IOException {
        Path dir = copyOfTiny();
        Files.createDirectories(dir.resolve("1_Pooling"));
        Files.writeString(dir.resolve("1_Pooling/config.json"), "{\"pooling_mode_max_tokens\": true}");
        assertThatThrownBy(() -> FolderEmbeddingModel.load("tiny", dir, FolderEmbeddingModel.DEFAULT_GRAPH, 32))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("pooling_mode_max_tokens is not supported")
                .hasMessageContaining("1_Pooling/config.json");
        assertThatThrownBy(() -> FolderEmbeddingModel.load("tiny", TINY, "onnx/model_quantized.onnx", 32))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("tiny: missing ONNX graph")
                .hasMessageContaining("model_quantized.onnx");
    }

    private static void assertMatches(FolderEmbeddingModel model, JsonNode recorded) {
        List<String> texts = new ArrayList<>();
        recorded.get("rows").forEach(r -> texts.add(r.get("text").asString()));
        float[][] vectors = model.embed(texts);
        // sentence-transformers (PyTorch) recorded them on one CPU; ONNX Runtime computes them here, maybe
        // on another: each component of a unit vector within the float32 bound of two executions
        // (1.2e-4 for this model; a wrong pooling or length moves components by tenths).
        double tolerance = RoundingBound.sentenceEncoder(TINY).unitVectorComponent();
        int i = 0;
        for (JsonNode row : recorded.get("rows")) {
            String text = texts.get(i);
            List<Long> ids = new ArrayList<>();
            row.get("input_ids").forEach(id -> ids.add(id.asLong()));
            assertThat(model.tokenIds(text))
                    .as("token ids of %s", text)
                    .containsExactly(ids.stream().mapToLong(x -> x).toArray());
            JsonNode expected = row.get("embedding");
            assertThat(vectors[i]).as("dimensions").hasSize(expected.size());
            for (int d = 0; d < expected.size(); d++) {
                assertThat((double) vectors[i][d])
                        .as("%s, dimension %d", text, d)
                        .isCloseTo(expected.get(d).asDouble(), within(tolerance));
            }
            i++;
        }
    }

    private Path copyOfTiny() throws IOException {
        Path dir = tmp.resolve("tiny");
        Files.createDirectories(dir.resolve("onnx"));
        for (String f : List.of(
                "config.json",
                "tokenizer.json",
                "tokenizer_config.json",
                "special_tokens_map.json",
                "onnx/model.onnx")) {
            Files.copy(TINY.resolve(f), dir.resolve(f));
        }
        return dir;
    }
}
