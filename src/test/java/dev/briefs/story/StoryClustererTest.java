package dev.briefs.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The clustering's rules on leads placed by hand in a plane (no model: the geometry is the point), so
 * that each similarity is known: a = 0°, b = 35°, c = 80°; a·b = 0.819, b·c = 0.707, a·c = 0.174, at a threshold of 0.7.
 */
class StoryClustererTest {

    private static final Map<String, float[]> PLANE = Map.of("lead a", unit(0), "lead b", unit(35), "lead c", unit(80));

    private static float[] unit(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private static final LeadEncoder BY_HAND =
            leads -> leads.stream().map(PLANE::get).toArray(float[][]::new);

    private static StoryArticle article(String id, int words, LocalDate date) {
        return new StoryArticle(id, "en", null, "lead " + id, words, date, null, null);
    }

    private static StoryDay cluster(Linkage linkage, List<StoryArticle> articles) {
        return new StoryClusterer(
                        List.of(EmbeddingSpace.within("by-hand", Set.of("en"), 0.7, BY_HAND)),
                        linkage,
                        Comparison.LEADS)
                .cluster(articles);
    }

    private final List<StoryArticle> abc = List.of(
            article("c", 50, null),
            article("b", 100, LocalDate.of(2026, 11, 19)),
            article("a", 100, LocalDate.of(2026, 11, 20)));

    @Test
    void averageLinkageDoesNotChainWhereSingleLinkageDoes() {
        StoryDay average = cluster(Linkage.AVERAGE, abc);
        assertThat(average.stories())
                .extracting(s -> s.members().stream().map(m -> m.article().id()).toList())
                .as("a~b join first; c is close to b but on average too far from the two")
                .containsExactly(List.of("b", "a"), List.of("c"));
        Join join = average.storyOf("a").orElseThrow().joins().get(0);
        assertThat(join.left()).containsExactly("a");
        assertThat(join.right()).containsExactly("b");
        assertThat(join.similarity()).isCloseTo(0.819, Assertions.within(1e-3));
        assertThat(cluster(Linkage.SINGLE, abc).stories())
                .as("single linkage chains a~b~c")
                .hasSize(1);
    }

    @Test
    void theLongestLeadsThenTheEarliestThenTheSmallestId() {
        Story story = cluster(Linkage.AVERAGE, abc).storyOf("a").orElseThrow();
        assertThat(story.lead().id()).isEqualTo("b");
        assertThat(story.leadReason()).isEqualTo("longest (100 words, as long as a) and earliest (2026-11-19)");
        assertThat(story.members().get(1).similarityToLead()).isCloseTo(0.819, Assertions.within(1e-3));
        Story single = cluster(Linkage.SINGLE, abc).stories().get(0);
        assertThat(single.leadReason()).isEqualTo("longest (100 words, as long as a) and earliest (2026-11-19)");
        List<StoryArticle> undated = List.of(article("b", 100, null), article("a", 100, null));
        assertThat(cluster(Linkage.AVERAGE, undated).stories().get(0).leadReason())
                .isEqualTo("longest (100 words, as long as b), first by id");
    }

    @Test
    void anArticleGivenTwiceIsRefusedByName() {
        assertThatThrownBy(() -> cluster(Linkage.AVERAGE, List.of(article("a", 1, null), article("a", 2, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("article id a appears twice");
    }

    /**
     * b1, b2 and b3 (one point) join, then c, then a: a is close to the b's but far from c, so far that the
     * first look passes the pair over ({@link Comparison#mayReach}); the last join's average still needs a~c,
     * and gets its true similarity, so a joins by a hair, as it would had every pair been computed.
     */
    @Test
    void aPairPassedOverAtFirstCountsWithItsTrueSimilarityInAGroupAverage() {
        Map<String, float[]> plane = Map.of(
                "lead a", unit(0), "lead b1", unit(35), "lead b2", unit(35), "lead b3", unit(35), "lead c", unit(68));
        LeadEncoder byHand = leads -> leads.stream().map(plane::get).toArray(float[][]::new);
        double threshold = 0.7;
        List<StoryArticle> articles = List.of(
                article("a", 10, null),
                article("b1", 10, null),
                article("b2", 10, null),
                article("b3", 10, null),
                article("c", 10, null));
        StoryDay day = new StoryClusterer(
                        List.of(EmbeddingSpace.within("by-hand", Set.of("en"), threshold, byHand)),
                        Linkage.AVERAGE,
                        Comparison.COVERAGE)
                .cluster(articles);

        assertThat(day.work())
                .as("a~c passed over at first, then computed for the last join's average")
                .isEqualTo(new StoryDay.Work(10, 10, 1));
        assertThat(day.stories()).hasSize(1);
        List<Join> joins = day.stories().get(0).joins();
        assertThat(joins)
                .extracting(Join::right)
                .containsExactly(List.of("b2"), List.of("b3"), List.of("c"), List.of("b1", "b2", "b3", "c"));
        double ab = WindowVectors.cosine(unit(0), unit(35)) - threshold;
        double ac = WindowVectors.cosine(unit(0), unit(68)) - threshold;
        assertThat(joins.get(3).margin())
                .isCloseTo((3 * ab + ac) / 4, Assertions.within(1e-12))
                .isPositive();
    }

    @Test
    void aTextSeveralArticlesShareIsEmbeddedOnce() {
        List<String> asked = new ArrayList<>();
        LeadEncoder counting = leads -> {
            asked.addAll(leads);
            return BY_HAND.embed(leads);
        };
        List<StoryArticle> wire = List.of(
                new StoryArticle("x", "en", null, "lead a", 10, null, null, null),
                new StoryArticle("y", "en", null, "lead a", 10, null, null, null),
                article("c", 10, null));
        StoryDay day = new StoryClusterer(
                        List.of(EmbeddingSpace.within("by-hand", Set.of("en"), 0.7, counting)),
                        Linkage.AVERAGE,
                        Comparison.COVERAGE)
                .cluster(wire);
        assertThat(asked).as("in id order: c, x, y").containsExactly("lead c", "lead a");
        assertThat(day.storyOf("x").orElseThrow().members())
                .extracting(m -> m.article().id())
                .containsExactlyInAnyOrder("x", "y");
    }
}
