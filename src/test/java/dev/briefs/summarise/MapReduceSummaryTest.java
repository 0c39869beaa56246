package dev.briefs.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.batch.BatchSettings;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.optimum.Variant;
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long article is summarised chunk by chunk, then the joined chunk summaries again, round by
 * round, until one model call gives the summary; seen through a wrapper that records every call
 * the real tiny BART summariser gets.
 */
class MapReduceSummaryTest {

    private static final int MAX_WORDS = 80;

    @TempDir
    Path models;

    private GenerationModels quantized;
    private GenerationModels fp32;

    /** Every model call, as the model got it: its inputs and the texts it gave back, stripped as the job strips them. */
    record Call(List<String> inputs, List<String> outputs) {}

    /** Passes every call to the model and records it. */
    static final class Recording extends ForwardingTextGenerator {
        final List<Call> calls = new ArrayList<>();

        Recording(TextGenerator model) {
            super(model);
        }

        @Override
        public synchronized List<Seq2SeqGenerator.Result> generateBatch(
                List<String> texts, String source, String target, int padTo) {
            List<Seq2SeqGenerator.Result> results = delegate.generateBatch(texts, source, target, padTo);
            calls.add(new Call(
                    List.copyOf(texts),
                    results.stream().map(r -> r.text().strip()).toList()));
            return results;
        }

        List<String> rows() {
            return calls.stream().flatMap(c -> c.inputs().stream()).toList();
        }

        List<String> outputs() {
            return calls.stream().flatMap(c -> c.outputs().stream()).toList();
        }
    }

    @BeforeEach
    void load() {
        TinyModels.install("tiny-bart", models, "distilbart-cnn-6-6");
        quantized = new GenerationModels(
                models, ModelDecorator.NONE, OnnxModelOptions.defaults().withVariant(Variant.QUANTIZED));
        fp32 = new GenerationModels(
                models, ModelDecorator.NONE, OnnxModelOptions.defaults().withVariant(Variant.FP32));
    }

    @AfterEach
    void close() {
        quantized.close();
        fp32.close();
    }

    /**
     * The tiny model's quantized graphs: each input has a call of its own, made in the order
     * the summariser sends them, so the recording reads in the article's order.
     */
    private TextGenerator model() {
        return quantized.get("distilbart-cnn-6-6");
    }

    /** The fp32 graphs, whose rows may share a call (sorted by length). */
    private TextGenerator batchingModel() {
        return fp32.get("distilbart-cnn-6-6");
    }

    private static AbstractiveSummariser summariser(TextGenerator model, int maxChunkTokens, BatchSettings batch) {
        return new AbstractiveSummariser(
                "distilbart-cnn-6-6", model, maxChunkTokens, new BatchedGeneration(batch, ModelCallRetry.ONCE));
    }

    private static List<Chunk> chunks(AbstractiveSummariser summariser, String text) {
        return summariser.packerFor("en").pack(new SentenceSplitter("en").split(text));
    }

    /** A WMT22 document's human English translation, one paragraph a segment. */
    private static String englishDocument(String id) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(SharedCorpus.file("wmt22-uk-news.jsonl"))) {
            JsonNode doc = json.readTree(line);
            if (doc.get("id").asString().equals(id)) {
                List<String> segments = new ArrayList<>();
                doc.get("reference_en_segments").forEach(s -> segments.add(s.asString()));
                return String.join("\n\n", segments);
            }
        }
        throw new IllegalStateException(id + " is not in the shared corpus");
    }

    private static String spaced(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String joined(List<String> texts) {
        return spaced(String.join(" ", texts.stream().filter(t -> !t.isEmpty()).toList()));
    }

    @Test
    void aLongArticleIsSummarisedChunkByChunkThenTheJoinedSummariesRoundByRoundUntilOneCall() throws IOException {
        Recording model = new Recording(model());
        AbstractiveSummariser summariser = summariser(model, Integer.MAX_VALUE, BatchSettings.NONE);
        List<Chunk> chunks = chunks(summariser, englishDocument("test_uk_473"));
        assertThat(chunks).as("a long article").hasSizeGreaterThan(8);

        Summary summary = summariser.summarise(chunks, "en", MAX_WORDS);

        List<String> rows = model.rows();
        List<String> outputs = model.outputs();
        // The map: one call per chunk, in order.
        assertThat(rows.subList(0, chunks.size()))
                .containsExactlyElementsOf(chunks.stream().map(Chunk::text).toList());
        // Then the reduce rounds: each round's inputs, joined, are the previous round's outputs joined, and
        // each round takes fewer calls than the one before, down to one.
        List<String> previous = outputs.subList(0, chunks.size());
        List<Integer> callsPerRound = new ArrayList<>();
        int next = chunks.size();
        while (next < rows.size()) {
            String expected = joined(previous);
            int end = next;
            while (end < rows.size() && joined(rows.subList(next, end)).length() < expected.length()) {
                end++;
            }
            assertThat(joined(rows.subList(next, end)))
                    .as("reduce round " + (callsPerRound.size() + 1))
                    .isEqualTo(expected);
            callsPerRound.add(end - next);
            previous = outputs.subList(next, end);
            next = end;
        }
        assertThat(callsPerRound).as("calls per reduce round").isNotEmpty().endsWith(1);
        for (int r = 1; r < callsPerRound.size(); r++) {
            assertThat(callsPerRound.get(r)).isLessThan(callsPerRound.get(r - 1));
        }
        assertThat(callsPerRound.get(0)).isLessThan(chunks.size());

        // The summary is the last call's output, kept to the word limit by whole sentences.
        String last = outputs.get(outputs.size() - 1);
        assertThat(summary.text()).isEqualTo(WordLimit.fit(last, new SentenceSplitter("en"), MAX_WORDS));
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.degraded()).extracting(Degradation::kind).doesNotContain(Degradation.REDUCE_STOPPED);
        assertThat(summary.path())
                .isEqualTo(new SummaryPath(SummaryPath.MAP_REDUCE, callsPerRound.size(), chunks.size()));
        assertThat(summary.chunksTotal()).isEqualTo(chunks.size());
    }

    @Test
    void aShortArticleTakesOneCallWhoseOutputIsTheSummary() {
        Recording model = new Recording(model());
        AbstractiveSummariser summariser = summariser(model, Integer.MAX_VALUE, BatchSettings.NONE);
        List<Chunk> chunks =
                chunks(summariser, "The port reopened its grain terminal on Thursday. Farmers welcomed the news.");
        assertThat(chunks).hasSize(1);

        Summary summary = summariser.summarise(chunks, "en", MAX_WORDS);

        assertThat(model.calls)
                .singleElement()
                .satisfies(call ->
                        assertThat(call.inputs()).containsExactly(chunks.get(0).text()));
        assertThat(summary.text())
                .isEqualTo(WordLimit.fit(model.outputs().get(0), new SentenceSplitter("en"), MAX_WORDS));
        assertThat(summary.path()).isEqualTo(new SummaryPath(SummaryPath.SINGLE_CALL, 0, 1));
    }

    @Test
    void aFailedChunkAndAFailedReduceCallAreRecordedAndTheRestMakesTheSummary() throws IOException {
        TextGenerator real = model();
        AbstractiveSummariser plain = summariser(real, Integer.MAX_VALUE, BatchSettings.NONE);
        List<Chunk> chunks = chunks(plain, englishDocument("test_uk_10"));
        assertThat(chunks).hasSizeGreaterThan(4);
        Set<String> chunkTexts = new HashSet<>(chunks.stream().map(Chunk::text).toList());
        String failingChunk = chunks.get(2).text();
        List<String> failedReduce = new ArrayList<>();
        // Chunk 2's call fails, and so does the first reduce call: both for good, as a timeout after its retries.
        TextGenerator failing = new ForwardingTextGenerator(real) {
            @Override
            public List<Seq2SeqGenerator.Result> generateBatch(
                    List<String> texts, String source, String target, int padTo) {
                for (String text : texts) {
                    if (text.equals(failingChunk) || (!chunkTexts.contains(text) && failedReduce.isEmpty())) {
                        if (!chunkTexts.contains(text)) {
                            failedReduce.add(text);
                        }
                        throw new UncheckedIOException(new IOException("model server timed out"));
                    }
                }
                return delegate.generateBatch(texts, source, target, padTo);
            }
        };

        Summary summary =
                summariser(failing, Integer.MAX_VALUE, BatchSettings.NONE).summarise(chunks, "en", MAX_WORDS);

        assertThat(failedReduce).hasSize(1);
        assertThat(summary.failures()).hasSize(2);
        assertThat(summary.failures().get(0)).satisfies(f -> {
            assertThat(f.chunkIndex()).isEqualTo(2);
            assertThat(f.message()).contains("model server timed out");
        });
        assertThat(summary.failures().get(1)).satisfies(f -> {
            assertThat(f.chunkIndex()).as("the first chunk it held").isZero();
            assertThat(f.errorType()).isEqualTo("UncheckedIOException");
            assertThat(f.message())
                    .startsWith("reduce round 1 over the summaries of chunks 0 to ")
                    .contains("model server timed out")
                    .contains("their content is missing from the summary");
        });
        assertThat(summary.text()).as("made from what succeeded").isNotBlank();
        assertThat(summary.ok()).isFalse();
        assertThat(summary.path().path()).isEqualTo(SummaryPath.MAP_REDUCE);
    }

    @Test
    void articlesSummarisedTogetherShareReduceCallsAndEachGetsTheSummaryItGetsAlone() throws IOException {
        BatchSettings batch = new BatchSettings(16, 8192, 8);
        Map<String, String> articles = new LinkedHashMap<>();
        articles.put("test_uk_755", englishDocument("test_uk_755"));
        articles.put("test_uk_840", englishDocument("test_uk_840"));
        articles.put("short", "The port reopened its grain terminal on Thursday. Farmers welcomed the news.");

        List<Summary> alone = new ArrayList<>();
        Map<String, Integer> articleOfReduceInput = new LinkedHashMap<>();
        List<Summariser.Request> requests = new ArrayList<>();
        int a = 0;
        for (String text : articles.values()) {
            Recording model = new Recording(batchingModel());
            AbstractiveSummariser summariser = summariser(model, Integer.MAX_VALUE, batch);
            List<Chunk> chunks = chunks(summariser, text);
            requests.add(new Summariser.Request(chunks, "en", MAX_WORDS));
            alone.add(summariser.summarise(chunks, "en", MAX_WORDS));
            for (String row : model.rows().subList(chunks.size(), model.rows().size())) {
                articleOfReduceInput.put(row, a);
            }
            a++;
        }

        Recording model = new Recording(batchingModel());
        List<Summary> together = summariser(model, Integer.MAX_VALUE, batch).summariseAll(requests);

        assertThat(together).containsExactlyElementsOf(alone);
        assertThat(together)
                .extracting(s -> s.path().path())
                .containsExactly(SummaryPath.MAP_REDUCE, SummaryPath.MAP_REDUCE, SummaryPath.SINGLE_CALL);
        assertThat(model.calls)
                .as("a call held reduce inputs of two articles")
                .anySatisfy(call -> assertThat(call.inputs().stream()
                                .filter(articleOfReduceInput::containsKey)
                                .map(articleOfReduceInput::get)
                                .distinct()
                                .count())
                        .isGreaterThan(1));
    }
}
