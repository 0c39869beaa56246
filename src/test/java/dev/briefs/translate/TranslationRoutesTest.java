package dev.briefs.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.batch.BatchSettings;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.model.ModelCatalog;
import dev.briefs.model.Task;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TinyModels;
import dev.briefs.translate.TranslationRoute.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing: pivot, direct and multilingual paths, with the tiny models installed under catalog names.
 * The tiny models' text is meaningless, but it is their real output, and the wiring is the job's: a
 * tiny Marian model stands in for opus-mt-ru-en, the tiny NLLB for nllb-200-distilled-600M.
 */
class TranslationRoutesTest {

    private static final List<ModelLanguages> CATALOG =
            ModelCatalog.load(Path.of("models", "catalog.yaml")).entries().stream()
                    .filter(e -> e.task() == Task.TRANSLATION)
                    .map(e -> new ModelLanguages(e.name(), e.sourceLanguages(), e.targetLanguages()))
                    .toList();
    private static final String RU = "Порт в Черноморске возобновил работу в четверг. Фермеры приветствовали новость.";
    private static final String RU_2 = "Поезд из Киева в Варшаву вернулся в расписание.";
    private static final String EN = "The port reopened on Thursday. Farmers welcomed the news.";

    /** The fp32 graphs, the only ones whose inputs of different articles may share a call. */
    private static final OnnxModelOptions FP32 = OnnxModelOptions.defaults().withVariant(Variant.parse("fp32"));

    @TempDir
    Path models;

    /** One model call as the model saw it: which model, its inputs and what it wrote, in call order. */
    record Call(String model, List<String> inputs, List<String> outputs) {}

    /** Records every model call; fails those of one model while it is set. */
    static final class Recording implements ModelDecorator {
        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        volatile String failing;

        @Override
        public TextGenerator decorate(String name, TextGenerator real) {
            return new ForwardingTextGenerator(real) {
                @Override
                public Seq2SeqGenerator.Result generate(String text, String source, String target) {
                    return generateBatch(List.of(text), source, target, 0).get(0);
                }

                @Override
                public List<Seq2SeqGenerator.Result> generateBatch(
                        List<String> texts, String source, String target, int padTo) {
                    if (name.equals(failing)) {
                        throw new UncheckedIOException(new IOException("model server of " + name + " timed out"));
                    }
                    List<Seq2SeqGenerator.Result> results = delegate.generateBatch(texts, source, target, padTo);
                    calls.add(new Call(
                            name,
                            List.copyOf(texts),
                            results.stream().map(r -> r.text().strip()).toList()));
                    return results;
                }
            };
        }

        List<String> inputsOf(String model) {
            return calls.stream()
                    .filter(c -> c.model().equals(model))
                    .flatMap(c -> c.inputs().stream())
                    .toList();
        }

        List<String> outputsOf(String model) {
            return calls.stream()
                    .filter(c -> c.model().equals(model))
                    .flatMap(c -> c.outputs().stream())
                    .toList();
        }
    }

    private ModelTranslators translators(
            GenerationModels installed, Map<String, ForcedRoute> forced, BatchSettings batch) {
        Routes routes = new Routes(
                Map.of("en-uk", "opus-mt-en-uk", "uk-en", "opus-mt-uk-en"),
                forced,
                CATALOG,
                installed::installed,
                name -> installed.get(name).multilingual());
        return new ModelTranslators(
                routes, installed, Integer.MAX_VALUE, new BatchedGeneration(batch, ModelCallRetry.ONCE));
    }

    private void installPivot() {
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-ru-en");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
    }

    @Test
    void aPivotTranslatesIntoEnglishWithTheFirstModelAndOutOfItWithTheSecond() {
        installPivot();
        Recording recording = new Recording();
        try (GenerationModels installed = new GenerationModels(models, recording, FP32)) {
            ModelTranslators translators = translators(installed, Map.of(), BatchSettings.NONE);

            Translation uk = translators.translate(RU, "ru", "uk");

            assertThat(uk.error()).isNull();
            assertThat(uk.route()).isEqualTo(TranslationRoute.pivot("opus-mt-ru-en", "opus-mt-en-uk"));
            assertThat(uk.model()).as("the model that wrote Ukrainian").isEqualTo("opus-mt-en-uk");
            assertThat(recording.calls)
                    .extracting(Call::model)
                    .as("the legs in order")
                    .containsExactly("opus-mt-ru-en", "opus-mt-en-uk");
            String english = String.join(" ", recording.outputsOf("opus-mt-ru-en"));
            assertThat(english).isNotBlank();
            assertThat(String.join(" ", recording.inputsOf("opus-mt-en-uk")))
                    .as("the second leg reads the first's English")
                    .isEqualTo(english);
            assertThat(uk.text()).isEqualTo(String.join(" ", recording.outputsOf("opus-mt-en-uk")));
            assertThat(uk.chunksTotal())
                    .as("the Russian chunk and the English one")
                    .isEqualTo(2);

            Translation en = translators.translate(RU, "ru", "en");
            assertThat(en.route()).isEqualTo(new TranslationRoute(Kind.DIRECT, List.of("opus-mt-ru-en")));
            assertThat(en.text())
                    .as("the first leg is the direct translation into English")
                    .isEqualTo(english);
        }
    }

    @Test
    void eachLegOfManyArticlesSharesModelCallsAndGivesWhatItGivesAlone() {
        installPivot();
        List<Translator.Request> night = List.of(
                new Translator.Request(RU, "ru", "uk"),
                new Translator.Request(RU_2, "ru", "uk"),
                new Translator.Request(EN, "en", "uk"),
                new Translator.Request(RU, "ru", "en"));
        BatchSettings batched = new BatchSettings(16, 8192, 8);
        BatchSettings alone = new BatchSettings(1, 8192, 8);
        Recording shared = new Recording();
        List<Translation> together;
        try (GenerationModels installed = new GenerationModels(models, shared, FP32)) {
            together = translators(installed, Map.of(), batched).translateAll(night);
        }
        Recording single = new Recording();
        List<Translation> oneByOne;
        try (GenerationModels installed = new GenerationModels(models, single, FP32)) {
            oneByOne = translators(installed, Map.of(), alone).translateAll(night);
        }

        assertThat(shared.calls)
                .as("inputs of several articles in one call")
                .anyMatch(c -> c.inputs().size() > 1);
        assertThat(shared.calls)
                .filteredOn(c -> c.model().equals("opus-mt-ru-en"))
                .anyMatch(c -> c.inputs().size() > 1);
        assertThat(single.calls).allMatch(c -> c.inputs().size() == 1);
        assertThat(together)
                .extracting(Translation::text)
                .doesNotContainNull()
                .isEqualTo(oneByOne.stream().map(Translation::text).toList());
        assertThat(together)
                .extracting(t -> t.route().kind())
                .containsExactly(Kind.PIVOT, Kind.PIVOT, Kind.DIRECT, Kind.DIRECT);
    }

    @Test
    void aFailedLegIsTheTranslationsFailureNamingTheLegAndItsModel() {
        installPivot();
        Recording recording = new Recording();
        try (GenerationModels installed = new GenerationModels(models, recording, FP32)) {
            ModelTranslators translators = translators(installed, Map.of(), BatchSettings.NONE);

            recording.failing = "opus-mt-en-uk";
            Translation second = translators.translate(RU, "ru", "uk");
            assertThat(second.text()).isNull();
            assertThat(second.route().kind()).isEqualTo(Kind.PIVOT);
            assertThat(second.chunksTotal()).isEqualTo(2);
            assertThat(second.failures()).singleElement().satisfies(f -> {
                assertThat(f.chunkIndex())
                        .as("counted after the first leg's chunk")
                        .isEqualTo(1);
                assertThat(f.message())
                        .startsWith("pivot leg 2 of 2 (en to uk, opus-mt-en-uk): ")
                        .contains("model server of opus-mt-en-uk timed out");
            });

            recording.failing = "opus-mt-ru-en";
            recording.calls.clear();
            Translation first = translators.translate(RU, "ru", "uk");
            assertThat(first.text()).isNull();
            assertThat(first.chunksTotal()).isEqualTo(1);
            assertThat(first.error()).startsWith("pivot leg 1 of 2 (ru to en, opus-mt-ru-en): ");
            assertThat(recording.calls)
                    .as("nothing to translate out of English")
                    .isEmpty();
        }
    }

    @Test
    void aMultilingualModelComesBeforeAPivotUnlessTheJobFileForcesThePivot() {
        installPivot();
        TinyModels.install("tiny-nllb", models, "nllb-200-distilled-600M");
        Recording recording = new Recording();
        try (GenerationModels installed = new GenerationModels(models, recording, FP32);
                Seq2SeqGenerator nllb = Seq2SeqGenerator.load(models.resolve("nllb-200-distilled-600M"))) {
            Translation multilingual =
                    translators(installed, Map.of(), BatchSettings.NONE).translate(RU, "ru", "uk");
            assertThat(multilingual.error()).isNull();
            assertThat(multilingual.route())
                    .isEqualTo(new TranslationRoute(Kind.MULTILINGUAL, List.of("nllb-200-distilled-600M")));
            assertThat(multilingual.text())
                    .as("NLLB told the pair")
                    .isEqualTo(nllb.generate(RU, "ru", "uk").text().strip());

            assertThat(recording.calls).extracting(Call::model).containsOnly("nllb-200-distilled-600M");

            recording.calls.clear();
            Translation forced = translators(
                            installed, Map.of("ru-uk", ForcedRoute.ofKind(Kind.PIVOT)), BatchSettings.NONE)
                    .translate(RU, "ru", "uk");
            assertThat(forced.route()).isEqualTo(TranslationRoute.pivot("opus-mt-ru-en", "opus-mt-en-uk"));
            assertThat(recording.calls).extracting(Call::model).containsExactly("opus-mt-ru-en", "opus-mt-en-uk");
            assertThat(forced.text()).isEqualTo(String.join(" ", recording.outputsOf("opus-mt-en-uk")));
        }
    }

    @Test
    void aPairWithNoRouteFailsNamingTheModelsThatWouldFixIt() {
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        Recording recording = new Recording();
        try (GenerationModels installed = new GenerationModels(models, recording, FP32)) {
            Translation t = translators(installed, Map.of(), BatchSettings.NONE).translate(RU, "ru", "uk");
            assertThat(t.text()).isNull();
            assertThat(t.route()).isNull();
            assertThat(t.failures())
                    .singleElement()
                    .satisfies(f -> assertThat(f.errorType()).isEqualTo("NoRoute"));
            assertThat(t.error())
                    .startsWith("no model translates ru to uk: install opus-mt-ru-en (with the installed "
                            + "opus-mt-en-uk: a pivot through English) or nllb-200-distilled-600M")
                    .endsWith(": java -jar target/briefs.jar models fetch opus-mt-ru-en");
            assertThat(recording.calls).isEmpty();
        }
    }
}
