package dev.briefs.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.SentenceEmbeddingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Story finding on real English news with the real bundled all-MiniLM-L6-v2 ({@link RealTextDay}): the
 * planted rewrites and cuts must join their documents, and no unrelated documents may join. Prints pairwise
 * precision and recall at several thresholds for what is compared and for each linkage, and the time the
 * embedding and the grouping took; {@link StorySpaces}' defaults come from it.
 */
class StoryClusteringRealTextTest {

    private static SentenceEmbeddingModel minilm;
    private static RealTextDay day;
    /** Each window embedded once; the vectors are the model's own (each text runs alone, so a cache changes nothing). */
    private static final Map<String, float[]> cache = new HashMap<>();

    /** Per test, so that without the shared corpus each test is reported skipped with the reason. */
    @BeforeEach
    void load() throws Exception {
        if (day == null) {
            day = RealTextDay.build();
            minilm = SentenceEmbeddingModel.loadBundled();
        }
    }

    @AfterAll
    static void close() {
        if (minilm != null) {
            minilm.close();
        }
    }

    private static LeadEncoder cached() {
        return leads -> leads.stream()
                .map(l -> cache.computeIfAbsent(l, t -> minilm.embed(List.of(t))[0]))
                .toArray(float[][]::new);
    }

    private static StoryDay cluster(
            double threshold, Linkage linkage, Comparison comparison, List<StoryArticle> articles) {
        EmbeddingSpace english = EmbeddingSpace.within(SentenceEmbeddingModel.NAME, Set.of("en"), threshold, cached());
        return new StoryClusterer(List.of(english), linkage, comparison).cluster(articles);
    }

    private static StoryDay cluster(double threshold, Linkage linkage, List<StoryArticle> articles) {
        return cluster(threshold, linkage, StorySpaces.COMPARISON, articles);
    }

    /** Pairwise precision and recall at each threshold, one column per option. */
    private static <T> void table(
            String title, List<T> options, Function<T, String> name, BiFunction<Double, T, StoryDay> clustering) {
        System.out.println(title);
        System.out.println("threshold  "
                + String.join(
                        "  ",
                        options.stream()
                                .map(o -> String.format(Locale.ROOT, "%-19s", name.apply(o) + " P / R"))
                                .toList()));
        for (int t = 400; t <= 850; t += 25) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.3f    ", t / 1000.0));
            for (T option : options) {
                RealTextDay.Score s = day.score(clustering.apply(t / 1000.0, option));
                row.append(String.format(Locale.ROOT, "  %5.3f / %5.3f      ", s.precision(), s.recall()));
            }
            System.out.println(row);
        }
    }

    @Test
    void plantedRewritesAndCutsJoinTheirStoryAndUnrelatedDocumentsStayApart() {
        long start = System.nanoTime();
        day.articles.forEach(a -> cached().embed(a.windows()));
        int windows = day.articles.stream().mapToInt(a -> a.windows().size()).sum();
        double embedding = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        StoryDay found = cluster(StorySpaces.MINILM_THRESHOLD, StorySpaces.LINKAGE, day.articles);
        System.out.printf(
                Locale.ROOT,
                "Story finding on %d English articles (%d true same-story pairs), %s: "
                        + "%d windows of %d sentence(s) embedded in %.1f s, one call each; then grouped in %.2f s%n",
                day.articles.size(),
                day.score(found).truePairs(),
                SentenceEmbeddingModel.NAME,
                windows,
                StoryArticle.WINDOW_SENTENCES,
                embedding,
                (System.nanoTime() - start) / 1e9);
        List<StoryArticle> lead8 = day.articles(RealTextDay.LEAD_WINDOWS);
        lead8.forEach(a -> cached().embed(a.windows()));
        table(
                "What is compared, average linkage (windows of " + StoryArticle.WINDOW_SENTENCES + " sentence(s); "
                        + "of " + StoryArticle.LEAD_SENTENCES + ": the lead's size):",
                List.of(
                        "leads",
                        "centroids",
                        "coverage",
                        "centroids/" + StoryArticle.LEAD_SENTENCES,
                        "coverage/" + StoryArticle.LEAD_SENTENCES),
                c -> c,
                (t, c) -> cluster(
                        t,
                        Linkage.AVERAGE,
                        Comparison.valueOf(c.replaceFirst("/.*", "").toUpperCase(Locale.ROOT)),
                        c.contains("/") ? lead8 : day.articles));
        List<Integer> caps = List.of(16, 24, 32, StoryArticle.MAX_SENTENCES);
        Map<Integer, List<StoryArticle>> capped = new HashMap<>();
        for (int cap : caps) {
            capped.put(cap, day.articles(StoryArticle.WINDOW_SENTENCES, cap));
            capped.get(cap).forEach(a -> cached().embed(a.windows()));
            System.out.printf(
                    Locale.ROOT,
                    "at most %d sentences an article: %d windows%n",
                    cap,
                    capped.get(cap).stream().mapToInt(a -> a.windows().size()).sum());
        }
        table(
                "Coverage with at most N sentences of each article, spread over it:",
                caps,
                cap -> "max " + cap,
                (t, cap) -> cluster(t, Linkage.AVERAGE, Comparison.COVERAGE, capped.get(cap)));
        table(
                "How groups are compared, " + StorySpaces.COMPARISON.name().toLowerCase(Locale.ROOT) + ":",
                List.of(Linkage.values()),
                l -> l.name().toLowerCase(Locale.ROOT),
                (t, l) -> cluster(t, l, day.articles));

        RealTextDay.Score score = day.score(found);
        System.out.printf(
                Locale.ROOT,
                "default (%s linkage at %.3f): precision %.3f, recall %.3f, %d stories%n",
                StorySpaces.LINKAGE,
                StorySpaces.MINILM_THRESHOLD,
                score.precision(),
                score.recall(),
                found.stories().size());
        List<String> missed = day.english.keySet().stream()
                .filter(doc -> !found.storyOf("en-" + doc).orElseThrow().contains("rw-" + doc))
                .toList();
        System.out.println("rewrites not joined to their document: " + missed);
        for (String doc : day.english.keySet()) {
            assertThat(found.storyOf("en-" + doc).orElseThrow().members())
                    .extracting(m -> m.article().id())
                    .as("document %s with its rewrite and its cut, and nothing of another story", doc)
                    .containsExactlyInAnyOrder("en-" + doc, "rw-" + doc, "cut-" + doc);
        }
        day.truth.keySet().stream()
                .filter(id -> id.startsWith("un-"))
                .forEach(id -> assertThat(found.storyOf(id).orElseThrow().members())
                        .as("unrelated %s", id)
                        .hasSize(1));
        assertThat(score.precision()).as("no unrelated articles joined").isEqualTo(1.0);
        assertThat(score.recall()).as("every planted pair together").isEqualTo(1.0);
        Story story = found.storyOf("en-473").orElseThrow();
        assertThat(story.lead().id()).as("the longest member leads").isEqualTo("en-473");
        assertThat(story.leadReason()).startsWith("longest: ");
        assertThat(story.joins()).hasSize(2).allSatisfy(j -> {
            assertThat(j.margin()).isGreaterThanOrEqualTo(0);
            assertThat(j.similarity()).isGreaterThanOrEqualTo(StorySpaces.MINILM_THRESHOLD);
            assertThat(j.model()).isEqualTo(SentenceEmbeddingModel.NAME);
            assertThat(j.compared()).matches("[a-z0-9-]+'s \\d+ windows covered by [a-z0-9-]+'s \\d+");
        });
        assertThat(found.notes()).isEmpty();
    }

    @Test
    void theSameArticlesInAnyOrderGiveTheSameStories() {
        EmbeddingSpace uncached = EmbeddingSpace.within(
                SentenceEmbeddingModel.NAME, Set.of("en"), StorySpaces.MINILM_THRESHOLD, minilm::embed);
        StoryClusterer clusterer = new StoryClusterer(List.of(uncached), StorySpaces.LINKAGE, StorySpaces.COMPARISON);
        StoryDay first = clusterer.cluster(day.articles);
        for (long seed = 1; seed <= 3; seed++) {
            List<StoryArticle> shuffled = new ArrayList<>(day.articles);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(clusterer.cluster(shuffled)).as("input order %d", seed).isEqualTo(first);
        }
    }
}
