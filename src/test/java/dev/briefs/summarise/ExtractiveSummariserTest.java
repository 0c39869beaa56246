package dev.briefs.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.chunk.TokenCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtractiveSummariserTest {

    private static final String ARTICLE = """
            The port of Chornomorsk reopened its grain terminal on Thursday after three weeks of repairs. \
            The terminal had been closed since a drone strike damaged two loading conveyors at the end of October. \
            Engineers worked in three shifts to replace the conveyors. \
            The first ship to load at the repaired berth took on 28,000 tonnes of wheat bound for Egypt. \
            Port officials said the terminal can now handle about 60 percent of its pre-strike volume. \
            Full capacity at the grain terminal is expected in mid-December. \
            Farmers welcomed the news because storage on farms is close to full. \
            The weather in the region was mild.""";

    private final LexicalVectors lexical = new LexicalVectors();

    private final ExtractiveSummariser summariser =
            new ExtractiveSummariser(lexical, Set.of(), lexical, ModelCallRetry.ONCE);

    private List<Chunk> chunks(String text, int perChunk) {
        List<String> sentences = new SentenceSplitter("en").split(text);
        TokenCounter oneEach = s -> 1;
        return new ChunkPacker(oneEach, Math.max(8, perChunk)).pack(sentences);
    }

    @Test
    void summaryIsWholeSentencesOfTheArticleInTheirOrderWithinTheWordLimit() {
        List<String> sentences = new SentenceSplitter("en").split(ARTICLE);
        Summary summary = summariser.summarise(chunks(ARTICLE, 8), "en", 40);
        assertThat(summary.ok()).isTrue();
        assertThat(Words.count(summary.text())).isLessThanOrEqualTo(40).isGreaterThan(15);
        List<String> chosen = new SentenceSplitter("en").split(summary.text());
        assertThat(sentences).containsSubsequence(chosen);
        assertThat(summary.model()).isEqualTo("extractive:lexical-tfidf");
    }

    @Test
    void theLeadAndTheCentralTopicWinOverAnAside() {
        Summary summary = summariser.summarise(chunks(ARTICLE, 8), "en", 30);
        assertThat(summary.text()).contains("reopened its grain terminal").doesNotContain("weather");
    }

    @Test
    void aFailedChunkIsCountedAndTheRestStillMakesASummary() {
        SentenceVectors failingOnWheat = new SentenceVectors() {
            @Override
            public float[][] vectors(List<String> sentences) {
                if (sentences.stream().anyMatch(s -> s.contains("wheat"))) {
                    throw new UncheckedIOException(new IOException("model timed out"));
                }
                return lexical.vectors(sentences);
            }

            @Override
            public String modelName() {
                return "flaky";
            }

            @Override
            public TokenCounter tokenCounter() {
                return s -> 1;
            }

            @Override
            public int maxTokensPerCall() {
                return 8;
            }
        };
        List<String> sentences = new SentenceSplitter("en").split(ARTICLE);
        List<Chunk> chunks =
                List.of(new Chunk(0, sentences.subList(0, 3), 3), new Chunk(1, sentences.subList(3, 8), 5));
        Summary summary = new ExtractiveSummariser(failingOnWheat, Set.of("en"), lexical, ModelCallRetry.ONCE)
                .summarise(chunks, "en", 80);
        assertThat(summary.chunksTotal()).isEqualTo(2);
        assertThat(summary.chunksFailed()).isEqualTo(1);
        assertThat(summary.error()).contains("chunk 1").contains("model timed out");
        assertThat(summary.text()).contains("reopened").doesNotContain("wheat");
        assertThat(summary.ok()).isFalse();
    }

    @Test
    void aSentenceLongerThanTheLimitIsCutAtTheLimit() {
        String one = "word ".repeat(30).strip() + ".";
        Summary summary = summariser.summarise(chunks(one, 8), "en", 10);
        assertThat(Words.count(summary.text())).isEqualTo(10);
        assertThat(summary.text()).endsWith("…");
    }

    @Test
    void ukrainianInflectionsStillLinkSentences() {
        float[][] v = lexical.vectors(
                List.of("Війна триває третій рік.", "Через війну люди виїхали.", "Бібліотека відкрита до ночі."));
        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
