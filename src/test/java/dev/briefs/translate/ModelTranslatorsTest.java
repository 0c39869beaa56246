package dev.briefs.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.model.GenerationModels;
import dev.briefs.model.Seq2SeqGenerator;
import dev.briefs.support.TinyModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTranslatorsTest {

    @TempDir
    Path models;

    @Test
    void anInstalledModelTranslatesEachChunkAsTheGeneratorDoes() {
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        try (GenerationModels installed = new GenerationModels(models);
             Seq2SeqGenerator direct = Seq2SeqGenerator.load(models.resolve("opus-mt-en-uk"))) {
            ModelTranslators translators = new ModelTranslators(Map.of("en-uk", "opus-mt-en-uk"), installed, Integer.MAX_VALUE, ModelCallRetry.ONCE);
            String first = "The port reopened on Thursday.";
            String second = "Farmers welcomed the news.";
            Translation t = translators.translate(first + " " + second, "en", "uk");
            assertThat(t.model()).isEqualTo("opus-mt-en-uk");
            assertThat(t.chunksFailed()).isZero();
            assertThat(t.error()).isNull();
            // Both sentences fit one chunk of the model, so the chunk is the whole text.
            assertThat(t.chunksTotal()).isEqualTo(1);
            assertThat(t.text()).isEqualTo(direct.generate(first + " " + second).text().strip());
        }
    }

    @Test
    void textLongerThanTheModelTakesIsSplitIntoChunksAtSentenceBoundaries() {
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        try (GenerationModels installed = new GenerationModels(models)) {
            ModelTranslators translators = new ModelTranslators(Map.of("en-uk", "opus-mt-en-uk"), installed, 12, ModelCallRetry.ONCE);
            Translation t = translators.translate(
                    "The port of Chornomorsk reopened its grain terminal on Thursday. Engineers worked in three shifts. "
                            + "The first ship took on wheat bound for Egypt.", "en", "uk");
            assertThat(t.chunksTotal()).isEqualTo(3);
            assertThat(t.chunksFailed()).isZero();
            assertThat(t.text()).isNotBlank();
        }
    }

    @Test
    void missingModelsAreReportedNotInvented() {
        try (GenerationModels installed = new GenerationModels(models)) {
            ModelTranslators translators = new ModelTranslators(Map.of("en-uk", "opus-mt-en-uk"), installed, 200, ModelCallRetry.ONCE);
            Translation notInstalled = translators.translate("Hello.", "en", "uk");
            assertThat(notInstalled.text()).isNull();
            assertThat(notInstalled.error()).startsWith("model not installed: opus-mt-en-uk")
                    .contains("models fetch opus-mt-en-uk");
            Translation notNamed = translators.translate("Hello.", "en", "de");
            assertThat(notNamed.text()).isNull();
            assertThat(notNamed.error()).contains("no translation model for en-de");
        }
    }
}
