package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.story.StoryMembership;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How recorded stories meet the day's briefs: late articles, missing briefs, and days without stories. */
class DayStoriesTest {

    private static Brief brief(String id, String status, String url) {
        return new Brief(
                id,
                "2026-11-20",
                "Title " + id,
                "en",
                status,
                null,
                new Brief.Source(id + ".json", url, List.of()),
                Map.of(),
                new Brief.Chunks(1, 0));
    }

    private static StoryMembership row(String id, String story, double similarity) {
        return new StoryMembership(
                id,
                story,
                id.equals(story),
                "longest: 300 words; next b, 200 words",
                similarity,
                id.equals(story) ? null : "all-minilm-l6-v2",
                "en",
                "example.org",
                "https://example.org/" + id,
                id + ".json",
                id.equals(story) ? 0 : 1);
    }

    @Test
    void recordedMembersShareOneEntryAndAnArticleWithoutARowIsAStoryOfItsOwn() {
        DayStories day = DayStories.recorded(
                List.of(row("a", "a", 1.0), row("b", "a", 0.91), row("gone", "a", 0.8)), List.of("a note"));
        List<StoryBrief> stories = day.arrange(List.of(
                brief("a", Brief.OK, "https://example.org/a"),
                brief("b", Brief.FAILED, "https://example.org/b"),
                brief("late", Brief.OK, "https://www.late.example/x")));

        assertThat(stories).extracting(StoryBrief::story).containsExactly("a", "late");
        StoryBrief a = stories.get(0);
        assertThat(a.brief().id()).isEqualTo("a");
        assertThat(a.members()).extracting(StoryBrief.Member::id).containsExactly("a", "b", "gone");
        // A member whose brief failed, or is not in the folder, stays listed with what became of it.
        assertThat(a.members()).extracting(StoryBrief.Member::status).containsExactly("ok", "failed", "missing");
        StoryBrief late = stories.get(1);
        assertThat(late.leadReason()).startsWith("not grouped: it was not read when the day's stories were found");
        assertThat(late.members().get(0).outlet()).isEqualTo("late.example");

        assertThat(day.storyOf().apply("b")).isEqualTo("a");
        assertThat(day.storyOf().apply("late")).isEqualTo("late");
    }

    private static StoryMembership ranked(String id, int rank) {
        return new StoryMembership(
                id,
                "a",
                rank == 0,
                "longest: 300 words; next c, 250 words",
                0.9,
                rank == 0 ? null : "all-minilm-l6-v2",
                "en",
                "example.org",
                "https://example.org/" + id,
                id + ".json",
                rank);
    }

    @Test
    void aFailedLeadIsStoodInForByTheNextMemberInTheLeadOrderWhoseBriefDidNotFail() {
        // The lead order is a, d, c, b (as recorded: longest first): d failed too, so c stands in, not b (by id).
        DayStories day =
                DayStories.recorded(List.of(ranked("a", 0), ranked("b", 3), ranked("c", 2), ranked("d", 1)), List.of());
        List<Brief> briefs = List.of(
                brief("a", Brief.FAILED, null),
                brief("b", Brief.OK, null),
                brief("c", Brief.PARTIAL, null),
                brief("d", Brief.FAILED, null));

        StoryBrief story = day.arrange(briefs).get(0);
        assertThat(story.lead()).isEqualTo("a");
        assertThat(story.brief().id()).isEqualTo("c");
        assertThat(story.leadNote()).isEqualTo("lead a failed; made from c");
        assertThat(story.members())
                .extracting(StoryBrief.Member::id)
                .as("the members as recorded")
                .containsExactly("a", "b", "c", "d");
        assertThat(BriefJson.line(story)).contains("\"leadNote\":\"lead a failed; made from c\"");
        assertThat(StorySources.leadLine(story))
                .isEqualTo(
                        "Story of 4 articles; lead a failed; made from c (lead: longest: 300 words; next c, 250 words)");

        StoryBrief repaired = day.arrange(List.of(
                        brief("a", Brief.PARTIAL, null),
                        brief("b", Brief.OK, null),
                        brief("c", Brief.PARTIAL, null),
                        brief("d", Brief.FAILED, null)))
                .get(0);
        assertThat(repaired.brief().id()).isEqualTo("a");
        assertThat(repaired.leadNote()).isNull();
        assertThat(BriefJson.line(repaired)).doesNotContain("leadNote");

        List<Brief> allFailed = List.of(
                brief("a", Brief.FAILED, null),
                brief("b", Brief.FAILED, null),
                brief("c", Brief.FAILED, null),
                brief("d", Brief.FAILED, null));
        StoryBrief none = day.arrange(allFailed).get(0);
        assertThat(none.brief().id())
                .as("no member to stand in: the lead's failure shows")
                .isEqualTo("a");
        assertThat(none.leadNote()).isNull();
    }

    @Test
    void withoutStoriesEveryBriefIsItsOwnEntryAndPointsToNone() {
        DayStories none = DayStories.none("stories are off in the job file");
        List<StoryBrief> stories = none.arrange(List.of(brief("a", Brief.OK, null), brief("b", Brief.OK, null)));
        assertThat(stories).extracting(StoryBrief::story).containsExactly("a", "b");
        assertThat(stories.get(0).leadReason()).isEqualTo("not grouped: stories are off in the job file");
        assertThat(none.storyOf().apply("a")).isNull();
    }

    @Test
    void aBriefWithoutAStoryWritesNoStoryFieldSoOldBriefsKeepTheirBytes() {
        Brief b = brief("a", Brief.OK, null);
        assertThat(new String(BriefJson.pretty(b), StandardCharsets.UTF_8)).doesNotContain("story");
        assertThat(BriefJson.read(BriefJson.pretty(b.withStory("x"))).story()).isEqualTo("x");
        assertThat(BriefJson.read(BriefJson.pretty(b)).story()).isNull();
    }
}
