package dev.briefs.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.briefs.batch.BatchSettings;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.support.TinyModels;
import java.nio.file.Path;
import java.util.List;
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
            ModelTranslators translators = new ModelTranslators(
                    Map.of("en-uk", "opus-mt-en-uk"),
                    installed,
                    Integer.MAX_VALUE,
                    new BatchedGeneration(BatchSettings.NONE, ModelCallRetry.ONCE));
            String first = "The port reopened on Thursday.";
            String second = "Farmers welcomed the news.";
            Translation t = translators.translate(first + " " + second, "en", "uk");
            assertThat(t.model()).isEqualTo("opus-mt-en-uk");
            assertThat(t.chunksFailed()).isZero();
            assertThat(t.error()).isNull();
            // Both sentences fit one chunk of the model, so the chunk is the whole text.
            assertThat(t.chunksTotal()).isEqualTo(1);
            assertThat(t.text())
                    .isEqualTo(direct.generate(first + " " + second).text().strip());
        }
    }

    @Test
    void textLongerThanTheModelTakesIsSplitIntoChunksAtSentenceBoundaries() {
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        try (GenerationModels installed = new GenerationModels(models)) {
            ModelTranslators translators = new ModelTranslators(
                    Map.of("en-uk", "opus-mt-en-uk"),
                    installed,
                    12,
                    new BatchedGeneration(BatchSettings.NONE, ModelCallRetry.ONCE));
            Translation t = translators.translate(
                    "The port of Chornomorsk reopened its grain terminal on Thursday. Engineers worked in three shifts. "
                            + "The first ship took on wheat bound for Egypt.",
                    "en",
                    "uk");
            assertThat(t.chunksTotal()).isEqualTo(3);
            assertThat(t.chunksFailed()).isZero();
            assertThat(t.text()).isNotBlank();
        }
    }

    @Test
    void theConfidenceIsTheMeanLogProbabilityOverEveryGeneratedTokenOfTheChunks() {
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        List<String> sentences = List.of(
                "The port of Chornomorsk reopened its grain terminal on Thursday.",
                "Engineers worked in three shifts.",
                "The first ship took on wheat bound for Egypt.");
        try (GenerationModels installed = new GenerationModels(models);
                Seq2SeqGenerator direct = Seq2SeqGenerator.load(models.resolve("opus-mt-en-uk"))) {
            ModelTranslators translators = new ModelTranslators(
                    Map.of("en-uk", "opus-mt-en-uk"),
                    installed,
                    12,
                    new BatchedGeneration(BatchSettings.NONE, ModelCallRetry.ONCE));
            Translation t = translators.translate(String.join(" ", sentences), "en", "uk");
            assertThat(t.chunksTotal()).as("one chunk a sentence").isEqualTo(3);
            double sum = 0;
            int tokens = 0;
            double unweighted = 0;
            for (String sentence : sentences) {
                Seq2SeqGenerator.Result r = direct.generate(sentence);
                sum += r.meanLogProb() * r.generatedTokens();
                tokens += r.generatedTokens();
                unweighted += r.meanLogProb() / sentences.size();
            }
            assertThat(t.confidence())
                    .as("all the chunks' token scores over all their tokens")
                    .isCloseTo(sum / tokens, within(1e-12))
                    .isNegative();
            if (Math.abs(unweighted - sum / tokens) > 1e-9) {
                assertThat(t.confidence())
                        .as("weighted by tokens, not by chunks")
                        .isNotCloseTo(unweighted, within(1e-12));
            }
            assertThat(translators.translate("Hello.", "en", "de").confidence())
                    .as("nothing translated")
                    .isNaN();
        }
    }

    @Test
    void missingModelsAreReportedNotInvented() {
        try (GenerationModels installed = new GenerationModels(models)) {
            ModelTranslators translators = new ModelTranslators(
                    Map.of("en-uk", "opus-mt-en-uk"),
                    installed,
                    200,
                    new BatchedGeneration(BatchSettings.NONE, ModelCallRetry.ONCE));
            Translation notInstalled = translators.translate("Hello.", "en", "uk");
            assertThat(notInstalled.text()).isNull();
            assertThat(notInstalled.error())
                    .startsWith("model not installed: opus-mt-en-uk")
                    .contains("models fetch opus-mt-en-uk");
            Translation notNamed = translators.translate("Hello.", "en", "de");
            assertThat(notNamed.text()).isNull();
            assertThat(notNamed.error())
                    .startsWith("no model translates en to de")
                    .contains("models.translate.en-de");
        }
    }

    @Test
    void aMultilingualModelGetsThePairsLanguages() {
        TinyModels.install("tiny-nllb", models, "nllb-tiny");
        try (GenerationModels installed = new GenerationModels(models);
                Seq2SeqGenerator direct = Seq2SeqGenerator.load(models.resolve("nllb-tiny"))) {
            ModelTranslators translators = new ModelTranslators(
                    Map.of("en-uk", "nllb-tiny", "uk-en", "nllb-tiny", "en-tlh", "nllb-tiny"),
                    installed,
                    Integer.MAX_VALUE,
                    new BatchedGeneration(BatchSettings.NONE, ModelCallRetry.ONCE));
            String en = "The port reopened on Thursday.";
            Translation toUk = translators.translate(en, "en", "uk");
            assertThat(toUk.error()).isNull();
            assertThat(toUk.model()).isEqualTo("nllb-tiny");
            assertThat(toUk.text())
                    .isEqualTo(direct.generate(en, "en", "uk").text().strip());
            assertThat(direct.generate(en, "en", "uk").outputIds())
                    .startsWith(2, (int) direct.languageTokenId("ukr_Cyrl"));

            String uk = "Порт відкрився в четвер.";
            Translation toEn = translators.translate(uk, "uk", "en");
            assertThat(toEn.error()).isNull();
            assertThat(toEn.text())
                    .isEqualTo(direct.generate(uk, "uk", "en").text().strip());

            Translation unknown = translators.translate(en, "en", "tlh");
            assertThat(unknown.text()).isNull();
            assertThat(unknown.chunksFailed()).isEqualTo(1);
            assertThat(unknown.error()).contains("does not know language 'tlh'").contains("nllb-tiny");
        }
    }
}
