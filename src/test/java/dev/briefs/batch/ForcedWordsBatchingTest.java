package dev.briefs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.cache.CacheSettings;
import dev.briefs.cache.CachingTextGenerator;
import dev.briefs.cache.OutputCache;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.inference.ForcedWords;
import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.schema.RepositorySchema;
import dev.briefs.support.TinyModels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The house style's words forced into model calls (docs/style.md, "In the night"): what a model can force, that
 * inputs with different words never share a call, that a row forced in a batch is what it is alone, and that the
 * output cache keeps forced and plain outputs apart. On the tiny Ukrainian-to-English fixture, whose vocabulary
 * is small: it cannot write "Ґ".
 */
class ForcedWordsBatchingTest {

    static final List<String> TEXTS = List.of(
            "ЗСУ заявили про це у Києві.",
            "Про це повідомили у Харкові.",
            "Школи отримають гарячі обіди з понеділка.",
            "Медіа повідомляють про нові удари по енергетичній інфраструктурі країни цієї ночі.");

    static Seq2SeqGenerator model;

    @BeforeAll
    static void load() {
        model = Seq2SeqGenerator.load(TinyModels.FIXTURES.resolve("tiny-marian-uk-en"), OnnxModelOptions.defaults());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The model, recording each call's rows and forced words. */
    static final class Recording extends ForwardingTextGenerator {

        record Call(List<String> texts, List<List<String>> forced) {}

        final Queue<Call> calls = new ConcurrentLinkedQueue<>();

        Recording(TextGenerator delegate) {
            super(delegate);
        }

        @Override
        public List<Seq2SeqGenerator.Result> generateBatch(
                List<String> texts, String source, String target, int padTo, List<List<String>> forced) {
            calls.add(new Call(List.copyOf(texts), forced));
            return delegate.generateBatch(texts, source, target, padTo, forced);
        }
    }

    @Test
    void aModelKeepsTheFormsItCanWriteAndSaysWhyItCannotForceTheRest() {
        ForcedWords forced = model.forceable(List.of(
                List.of("Kyiv"), List.of("Kharkiv", "Kharkivs"), List.of("Ґорґани"), List.of("Ґорґани", "Gorgany")));

        assertThat(forced.kept())
                .as("'Kharkivs' continues 'Kharkiv', which satisfies it anyway; 'Ґорґани' has the unknown token")
                .containsExactly(List.of("Kyiv"), List.of("Kharkiv"), List.of("Gorgany"));
        assertThat(forced.refused())
                .singleElement()
                .asString()
                .contains("\"Ґорґани\"", "tiny-marian-uk-en cannot write it");
    }

    @Test
    void aModelThatSearchesGreedilyForcesNothing() {
        try (Seq2SeqGenerator greedy =
                Seq2SeqGenerator.load(TinyModels.FIXTURES.resolve("tiny-nllb"), OnnxModelOptions.defaults())) {
            assertThat(greedy.defaultConfig().getNumBeams()).isEqualTo(1);
            ForcedWords forced = greedy.forceable(List.of(List.of("Kyiv")));
            assertThat(forced.kept()).isEmpty();
            assertThat(forced.refused()).singleElement().asString().contains("searches greedily");
        }
    }

    @Test
    void inputsWithDifferentWordsNeverShareACallAndEachRowIsWhatItIsAlone() {
        List<List<String>> kyiv = List.of(List.of("Kyiv"));
        List<List<String>> forces = List.of(List.of("the Armed Forces"));
        List<BatchedGeneration.Input> inputs = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            inputs.add(new BatchedGeneration.Input(TEXTS.get(i), "uk", "en", i % 2 == 0 ? kyiv : forces));
        }
        inputs.add(new BatchedGeneration.Input(TEXTS.get(0), "uk", "en"));
        Recording recording = new Recording(model);
        // One length bucket for all, so only the words can keep inputs apart.
        BatchedGeneration batched = new BatchedGeneration(new BatchSettings(16, 8192, 64), ModelCallRetry.ONCE);

        List<BatchedGeneration.Output> all = batched.run(recording, inputs);

        assertThat(recording.calls)
                .as("one call for each set of words, plain inputs (no words) apart from both")
                .extracting(Recording.Call::forced)
                .containsExactlyInAnyOrder(kyiv, forces, List.of());
        for (Recording.Call call : recording.calls) {
            assertThat(call.texts()).hasSize(call.forced().isEmpty() ? 1 : 2);
        }
        for (int i = 0; i < inputs.size(); i++) {
            BatchedGeneration.Output alone =
                    batched.run(model, List.of(inputs.get(i))).get(0);
            assertThat(all.get(i).text()).as("input %d", i).isEqualTo(alone.text());
            assertThat(all.get(i).meanLogProb()).as("input %d, bit for bit", i).isEqualTo(alone.meanLogProb());
        }
        assertThat(all.get(0).text()).contains("Kyiv");
        assertThat(all.get(2).text()).contains("Kyiv");
        assertThat(all.get(1).text()).contains("the Armed Forces");
    }

    @Test
    void theCacheKeepsAnOutputUnderTheWordsItWasForcedToHold() {
        DriverManagerDataSource db =
                new DriverManagerDataSource("jdbc:h2:mem:forced-words;DB_CLOSE_DELAY=-1", "sa", "");
        RepositorySchema.migrate(db);
        Recording recording = new Recording(model);
        TextGenerator cached = CachingTextGenerator.wrap(
                "opus-mt-uk-en",
                "files-1",
                recording,
                new OutputCache(db, false, CacheSettings.DEFAULTS, Clock.systemUTC()));
        List<String> one = List.of(TEXTS.get(1));
        int padTo = model.inputLength(TEXTS.get(1), "uk");

        String kyiv = cached.generateBatch(one, "uk", "en", padTo, List.of(List.of("Kyiv")))
                .get(0)
                .text();
        String kyivAgain = cached.generateBatch(one, "uk", "en", padTo, List.of(List.of("Kyiv")))
                .get(0)
                .text();
        String kharkiv = cached.generateBatch(one, "uk", "en", padTo, List.of(List.of("Kharkiv")))
                .get(0)
                .text();

        assertThat(kyivAgain).isEqualTo(kyiv).contains("Kyiv");
        assertThat(kharkiv).contains("Kharkiv").isNotEqualTo(kyiv);
        assertThat(recording.calls)
                .as("the same words again: from the cache; other words: made")
                .extracting(Recording.Call::forced)
                .containsExactly(List.of(List.of("Kyiv")), List.of(List.of("Kharkiv")));
    }
}
