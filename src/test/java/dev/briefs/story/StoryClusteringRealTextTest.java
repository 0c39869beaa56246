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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Story finding on real English news with the real bundled all-MiniLM-L6-v2 ({@link RealTextDay}): the
 * planted rewrites and cuts must join their documents, and no unrelated documents may join. Prints pairwise
 * precision and recall at several thresholds for each linkage; {@link StorySpaces}' defaults come from it.
 */
class StoryClusteringRealTextTest {

    private static SentenceEmbeddingModel minilm;
    private static RealTextDay day;
    /** Each lead embedded once; the vectors are the model's own (each lead runs alone, so a cache changes nothing). */
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
        return leads -> leads.stream().map(l -> cache.computeIfAbsent(l, t -> minilm.embed(List.of(t))[0]))
                .toArray(float[][]::new);
    }

    private static StoryDay cluster(double threshold, Linkage linkage, List<StoryArticle> articles) {
        EmbeddingSpace english = EmbeddingSpace.within(SentenceEmbeddingModel.NAME, Set.of("en"), threshold, cached());
        return new StoryClusterer(List.of(english), linkage).cluster(articles);
    }

    @Test
    void plantedRewritesAndCutsJoinTheirStoryAndUnrelatedDocumentsStayApart() {
        System.out.printf(Locale.ROOT, "Story finding on %d English articles (%d true same-story pairs), %s:%n",
                day.articles.size(), day.score(cluster(0.99, Linkage.AVERAGE, day.articles)).truePairs(),
                SentenceEmbeddingModel.NAME);
        System.out.println("threshold  " + String.join("  ", List.of(Linkage.values()).stream()
                .map(l -> String.format(Locale.ROOT, "%-19s", l.name().toLowerCase(Locale.ROOT) + " P / R")).toList()));
        for (int t = 400; t <= 800; t += 25) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.3f    ", t / 1000.0));
            for (Linkage linkage : Linkage.values()) {
                RealTextDay.Score s = day.score(cluster(t / 1000.0, linkage, day.articles));
                row.append(String.format(Locale.ROOT, "  %5.3f / %5.3f      ", s.precision(), s.recall()));
            }
            System.out.println(row);
        }

        StoryDay found = cluster(StorySpaces.MINILM_THRESHOLD, StorySpaces.LINKAGE, day.articles);
        RealTextDay.Score score = day.score(found);
        System.out.printf(Locale.ROOT, "default (%s linkage at %.2f): precision %.3f, recall %.3f, %d stories%n",
                StorySpaces.LINKAGE, StorySpaces.MINILM_THRESHOLD, score.precision(), score.recall(),
                found.stories().size());
        List<String> missed = day.english.keySet().stream()
                .filter(doc -> !found.storyOf("en-" + doc).orElseThrow().contains("rw-" + doc)).toList();
        System.out.println("rewrites not joined to their document: " + missed);
        for (String doc : day.english.keySet()) {
            assertThat(found.storyOf("en-" + doc).orElseThrow().members()).extracting(m -> m.article().id())
                    .as("document %s with its cut (and nothing of another story)", doc).contains("cut-" + doc)
                    .allSatisfy(id -> assertThat(day.truth.get(id)).isEqualTo(doc));
        }
        assertThat(score.precision()).as("no unrelated articles joined").isEqualTo(1.0);
        day.truth.keySet().stream().filter(id -> id.startsWith("un-")).forEach(id ->
                assertThat(found.storyOf(id).orElseThrow().members()).as("unrelated %s", id).hasSize(1));
        assertThat(score.recall()).as("the recall measured when the default was set (README)").isGreaterThanOrEqualTo(0.875);
        Story story = found.storyOf("en-473").orElseThrow();
        assertThat(story.lead().id()).as("the longest member leads").isEqualTo("en-473");
        assertThat(story.leadReason()).startsWith("longest: ");
        assertThat(story.joins()).hasSize(2).allSatisfy(j -> {
            assertThat(j.margin()).isGreaterThanOrEqualTo(0);
            assertThat(j.similarity()).isGreaterThanOrEqualTo(StorySpaces.MINILM_THRESHOLD);
            assertThat(j.model()).isEqualTo(SentenceEmbeddingModel.NAME);
        });
        assertThat(found.notes()).isEmpty();
    }

    @Test
    void theSameArticlesInAnyOrderGiveTheSameStories() {
        EmbeddingSpace uncached = EmbeddingSpace.within(SentenceEmbeddingModel.NAME, Set.of("en"),
                StorySpaces.MINILM_THRESHOLD, minilm::embed);
        StoryClusterer clusterer = new StoryClusterer(List.of(uncached), StorySpaces.LINKAGE);
        StoryDay first = clusterer.cluster(day.articles);
        for (long seed = 1; seed <= 3; seed++) {
            List<StoryArticle> shuffled = new ArrayList<>(day.articles);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(clusterer.cluster(shuffled)).as("input order %d", seed).isEqualTo(first);
        }
    }
}
