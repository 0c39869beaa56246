package dev.briefs.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.article.Article;
import dev.briefs.inference.FolderEmbeddingModel;
import dev.briefs.inference.SentenceEmbeddingModel;
import dev.briefs.support.RoundingBound;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wiring of a multilingual model, with the tiny random-weight one of tools/fixtures: it cannot show
 * that a Ukrainian article and its English translation are found to be one story (its weights are random),
 * so what is asserted is what the wiring decides: with it installed, the Ukrainian article and an identical
 * copy labelled English are compared across languages, by it, and form one story, while two English articles
 * are still compared by all-MiniLM-L6-v2; without it, Ukrainian and English articles are never compared and
 * the notes say so.
 */
class CrossLanguageStoriesTest {

    private static SentenceEmbeddingModel minilm;
    private static FolderEmbeddingModel tiny;
    private static RealTextDay corpus;

    /** Per test, so that without the shared corpus each test is reported skipped with the reason. */
    @BeforeEach
    void load() throws IOException {
        if (corpus != null) {
            return;
        }
        corpus = RealTextDay.build();
        minilm = SentenceEmbeddingModel.loadBundled();
        tiny = FolderEmbeddingModel.load(
                "tiny-multilingual", FolderEmbeddingModelTestFolder.TINY, FolderEmbeddingModel.DEFAULT_GRAPH, 64);
    }

    @AfterAll
    static void close() {
        if (minilm != null) {
            minilm.close();
        }
        if (tiny != null) {
            tiny.close();
        }
    }

    /** A model's encoder that remembers the texts it was asked to embed. */
    record Recording(List<String> leads, LeadEncoder encoder) implements LeadEncoder {

        static Recording of(LeadEncoder encoder) {
            return new Recording(new ArrayList<>(), encoder);
        }

        @Override
        public float[][] embed(List<String> texts) {
            leads.addAll(texts);
            return encoder.embed(texts);
        }
    }

    private List<StoryArticle> day() {
        List<String> uk = corpus.ukrainian.get("814");
        List<String> en = corpus.english.get("814");
        String ukText = RealTextDay.paragraphs(uk.subList(1, uk.size()));
        return List.of(
                article("uk-814", "uk", uk.get(0), ukText),
                article("copy-814", "en", uk.get(0), ukText),
                article(
                        "uk-92",
                        "uk",
                        corpus.ukrainian.get("92").get(0),
                        RealTextDay.paragraphs(corpus.ukrainian.get("92").subList(1, 5))),
                article("en-814", "en", en.get(0), RealTextDay.paragraphs(en.subList(1, en.size()))),
                article("cut-814", "en", en.get(0), String.join(" ", en.subList(1, 5))));
    }

    /** What all-MiniLM-L6-v2 should embed: every window of the articles labelled English, once each. */
    private static List<String> englishWindows(List<StoryArticle> articles) {
        // Distinct: a sentence two articles share (the cut's headline and first paragraph) is embedded once.
        return articles.stream()
                .filter(a -> a.language().equals("en"))
                .flatMap(a -> a.windows().stream())
                .distinct()
                .toList();
    }

    private static StoryArticle article(String id, String language, String title, String text) {
        return StoryArticle.of(
                new Article(id, null, title, "https://www.news.example/" + id, language, text, id + ".json", List.of()),
                language,
                null);
    }

    @Test
    void withAMultilingualModelArticlesAreComparedAcrossLanguagesByIt() {
        Recording english = Recording.of(minilm::embed);
        Recording multilingual = Recording.of(tiny::embed);
        StoryClusterer clusterer = new StoryClusterer(
                List.of(
                        EmbeddingSpace.within(minilm.name(), Set.of("en"), StorySpaces.MINILM_THRESHOLD, english),
                        EmbeddingSpace.multilingual(tiny.name(), StorySpaces.MULTILINGUAL_THRESHOLD, multilingual)),
                StorySpaces.LINKAGE,
                StorySpaces.COMPARISON);
        List<StoryArticle> articles = day();
        StoryDay day = clusterer.cluster(articles);

        Story story = day.storyOf("uk-814").orElseThrow();
        assertThat(story.contains("copy-814"))
                .as("a Ukrainian article and its identical copy labelled en")
                .isTrue();
        StoryArticle uk814 = articles.get(0);
        assertThat(uk814.windows())
                .as("the whole article, sentence by sentence")
                .hasSizeGreaterThan(1);
        assertThat(uk814.windows())
                .allSatisfy(w -> assertThat(Collections.frequency(multilingual.leads(), w))
                        .as(
                                "the multilingual model embeds the Ukrainian article, whose copy labelled en is the same text, once")
                        .isEqualTo(1));
        assertThat(multilingual.leads()).containsAll(articles.get(2).windows());
        assertThat(english.leads())
                .as("all-MiniLM-L6-v2 reads the articles labelled English, each sentence once")
                .containsExactlyInAnyOrderElementsOf(englishWindows(articles));
        assertThat(story.joins()).anySatisfy(j -> {
            assertThat(List.of(j.closestA(), j.closestB())).containsExactlyInAnyOrder("copy-814", "uk-814");
            assertThat(j.model()).isEqualTo("tiny-multilingual");
            // The same text, so the same vector up to float32 rounding: the bound of two executions' cosine.
            assertThat(j.similarity())
                    .isCloseTo(
                            1.0,
                            Assertions.within(RoundingBound.sentenceEncoder(FolderEmbeddingModelTestFolder.TINY)
                                    .cosine(32)));
        });
        Story english814 = day.storyOf("en-814").orElseThrow();
        assertThat(english814.contains("cut-814")).isTrue();
        assertThat(english814.joins()).anySatisfy(j -> {
            assertThat(List.of(j.closestA(), j.closestB())).containsExactlyInAnyOrder("cut-814", "en-814");
            assertThat(j.model())
                    .as("two English articles are compared by the English model")
                    .isEqualTo(minilm.name());
        });
        assertThat(day.notes()).isEmpty();
        assertThat(day.models())
                .containsExactly("all-minilm-l6-v2 (en) at 0.575", "tiny-multilingual (all languages) at 0.575");
        assertThat(story.members())
                .allSatisfy(m -> assertThat(m.article().outlet()).isEqualTo("news.example"));
    }

    @Test
    void withoutOneUkrainianAndEnglishArticlesAreNeverComparedAndTheNotesSaySo() {
        Recording english = Recording.of(minilm::embed);
        StoryClusterer clusterer = new StoryClusterer(
                StorySpacesTestSupport.englishOnly(english), StorySpaces.LINKAGE, StorySpaces.COMPARISON);
        List<StoryArticle> articles = day();
        StoryDay day = clusterer.cluster(articles);

        assertThat(day.storyOf("uk-814").orElseThrow().members())
                .as("the Ukrainian article is alone")
                .hasSize(1);
        assertThat(day.storyOf("uk-92").orElseThrow().members()).hasSize(1);
        assertThat(english.leads())
                .as("all-MiniLM-L6-v2 reads the articles labelled English, each sentence once")
                .containsExactlyInAnyOrderElementsOf(englishWindows(articles));
        assertThat(day.storyOf("en-814").orElseThrow().contains("cut-814")).isTrue();
        assertThat(day.notes())
                .containsExactly(
                        "no multilingual embedding model: articles were grouped only within their language (en, uk), so a "
                                + "story told in two languages is two stories",
                        "no embedding model reads uk (2 articles): each of these articles is a story of its own");
    }
}
