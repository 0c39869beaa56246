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
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.support.TinyModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Map-reduce never goes round for ever: a round that leaves its summaries in as many model inputs
 * as it took ends it, and so does the cap on rounds; either way the brief says so. The stand-in
 * models here rewrite their input by a rule (the tiny BART's tokenizer still counts the tokens), so
 * that the test decides how much each call shrinks.
 */
class ReduceGuardTest {

    @TempDir
    Path models;

    private GenerationModels installed;

    @BeforeEach
    void load() {
        TinyModels.install("tiny-bart", models, "distilbart-cnn-6-6");
        installed = new GenerationModels(models);
    }

    @AfterEach
    void close() {
        installed.close();
    }

    private TextGenerator model() {
        return installed.get("distilbart-cnn-6-6");
    }

    private static AbstractiveSummariser summariser(TextGenerator model, int maxChunkTokens) {
        return new AbstractiveSummariser(
                "distilbart-cnn-6-6",
                model,
                maxChunkTokens,
                new BatchedGeneration(BatchSettings.NONE, ModelCallRetry.ONCE));
    }

    private static List<Chunk> chunks(AbstractiveSummariser summariser, String text) {
        return summariser.packerFor("en").pack(new SentenceSplitter("en").split(text));
    }

    /** A stand-in for a model: its output is made from its input by a rule, so the test controls how much it shrinks. */
    private static TextGenerator rewriting(TextGenerator real, UnaryOperator<String> rule, List<String> seen) {
        return new ForwardingTextGenerator(real) {
            @Override
            public List<Seq2SeqGenerator.Result> generateBatch(
                    List<String> texts, String source, String target, int padTo) {
                seen.addAll(texts);
                return texts.stream()
                        .map(t -> new Seq2SeqGenerator.Result(t, new long[0], new int[0], rule.apply(t)))
                        .toList();
            }
        };
    }

    private static String sentences(int count, int words) {
        StringBuilder text = new StringBuilder();
        for (int s = 1; s <= count; s++) {
            text.append("Report ").append(s);
            for (int w = 2; w < words; w++) {
                text.append(" word").append(w);
            }
            text.append(" ended. ");
        }
        return text.toString().strip();
    }

    @Test
    void aModelThatCopiesItsInputStopsAfterTheChunkSummariesWithADegradationInsteadOfGoingRoundForEver() {
        List<String> seen = new ArrayList<>();
        AbstractiveSummariser summariser = summariser(rewriting(model(), t -> t, seen), 24);
        List<Chunk> chunks = chunks(summariser, sentences(6, 8));
        assertThat(chunks).hasSizeGreaterThan(2);
        List<String> chunkTexts = chunks.stream().map(Chunk::text).toList();

        Summary summary = summariser.summarise(chunks, "en", 20);

        // In any order: the fp32 graphs (the default) let the chunks share model calls, grouped by length.
        assertThat(seen)
                .as("the chunks only: a reduce round would send the same texts again")
                .containsExactlyInAnyOrderElementsOf(chunkTexts);
        assertThat(summary.path()).isEqualTo(new SummaryPath(SummaryPath.MAP_REDUCE, 0, chunks.size()));
        assertThat(summary.degraded())
                .filteredOn(d -> d.kind().equals(Degradation.REDUCE_STOPPED))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.language()).isEqualTo("en");
                    assertThat(d.detail())
                            .contains("its " + chunks.size() + " summaries were not summarised into one")
                            .contains("the chunk summaries did not shrink: " + chunks.size()
                                    + " model inputs gave summaries " + "that take " + chunks.size()
                                    + " inputs of at most 24 tokens again")
                            .contains("a larger chunk.max-tokens")
                            .contains("later parts of the article may be missing");
                });
        assertThat(summary.text())
                .as("the beginning, in whole sentences")
                .isEqualTo(WordLimit.fit(chunkTexts.get(0) + " " + chunkTexts.get(1), new SentenceSplitter("en"), 20))
                .startsWith("Report 1 ");
    }

    @Test
    void summariesThatShrinkByOneInputARoundStopAtTheCapOnRounds() {
        List<String> seen = new ArrayList<>();
        // A stand-in that shortens only an input of two sentences or more, and copies any other: the first
        // input of each round holds the short summary and one long sentence, so each round takes one input
        // fewer than the one before. Always progress, but too slow: 14 chunks would need 13 rounds.
        SentenceSplitter splitter = new SentenceSplitter("en");
        UnaryOperator<String> shortenPairs = t -> splitter.split(t).size() > 1 ? "So far so good." : t;
        TextGenerator model = rewriting(model(), shortenPairs, seen);
        AbstractiveSummariser summariser = summariser(model, 40);
        String sentence = "Report the" + " the".repeat(18) + " ended.";
        List<Chunk> chunks =
                chunks(summariser, "So it began. " + (sentence + " ").repeat(14).strip());
        assertThat(model.tokenCounter().count(sentence))
                .as("one long sentence to an input")
                .isGreaterThan(20);
        assertThat(chunks).hasSize(14);
        assertThat(chunks.get(0).sentences()).hasSize(2);

        Summary summary = summariser.summarise(chunks, "en", 80);

        int callsThroughTheCap = 14;
        for (int round = 1; round <= ArticleReduction.MAX_ROUNDS; round++) {
            callsThroughTheCap += 14 - round;
        }
        assertThat(seen).hasSize(callsThroughTheCap);
        assertThat(summary.path()).isEqualTo(new SummaryPath(SummaryPath.MAP_REDUCE, ArticleReduction.MAX_ROUNDS, 14));
        assertThat(summary.degraded())
                .filteredOn(d -> d.kind().equals(Degradation.REDUCE_STOPPED))
                .singleElement()
                .satisfies(d -> assertThat(d.detail())
                        .contains("its 4 summaries were not summarised into one")
                        .contains("after " + ArticleReduction.MAX_ROUNDS + " reduce rounds"));
        assertThat(summary.text()).startsWith("So far so good. Report the the");
    }
}
