package dev.briefs.brief;

import dev.briefs.story.StoryArticle;
import dev.briefs.story.StoryMembership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The day's stories as recorded before the articles were briefed, and how the day's files show them: one
 * entry a story, its lead article's brief with every member as a source ({@link #arrange}); when the lead's
 * brief failed, the brief of the member next in the lead order whose brief did not fail stands in.
 *
 * @param found       whether stories were found for the day; if not, every article is a story of its own
 * @param memberships one row an article grouped, as recorded
 * @param notes       what the grouping could not do (languages compared only among themselves), for the report
 * @param ungrouped   why an article without a row is a story of its own, for people
 */
public record DayStories(boolean found, List<StoryMembership> memberships, List<String> notes, String ungrouped) {

    /** Why an article has no row on a day whose stories were found. */
    static final String NOT_RECORDED = "not grouped: it was not read when the day's stories were found "
            + "(unreadable then, or added to the input folder later)";

    public DayStories {
        memberships = List.copyOf(memberships);
        notes = List.copyOf(notes);
    }

    /** The stories found for the day. */
    public static DayStories recorded(List<StoryMembership> memberships, List<String> notes) {
        return new DayStories(true, memberships, notes, NOT_RECORDED);
    }

    /** No stories for the day: each article is its own, for {@code reason} ("stories are off in the job file"). */
    public static DayStories none(String reason) {
        return new DayStories(false, List.of(), List.of(), "not grouped: " + reason);
    }

    /**
     * The story each article's brief points to: its recorded story; its own id when the day's stories were
     * found without it (a story of its own); null for every article when no stories were found for the day.
     */
    public UnaryOperator<String> storyOf() {
        if (!found) {
            return id -> null;
        }
        Map<String, String> ids = storyIds();
        return id -> ids.getOrDefault(id, id);
    }

    private Map<String, String> storyIds() {
        Map<String, String> ids = new HashMap<>();
        memberships.forEach(m -> ids.put(m.articleId(), m.storyId()));
        return ids;
    }

    /**
     * One entry a story, sorted by story id: the recorded stories with the briefs of their members, then every
     * brief without a row as a story of its own. A member whose brief is not in the folder is listed as
     * {@link StoryBrief#MISSING}.
     */
    public List<StoryBrief> arrange(List<Brief> briefs) {
        Map<String, Brief> byId = new LinkedHashMap<>();
        briefs.forEach(b -> byId.put(b.id(), b));
        Map<String, List<StoryMembership>> byStory = new TreeMap<>();
        for (StoryMembership m : memberships) {
            byStory.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m);
        }
        List<StoryBrief> stories = new ArrayList<>();
        byStory.forEach((storyId, rows) -> stories.add(story(storyId, rows, byId)));
        Map<String, String> grouped = storyIds();
        for (Brief b : briefs) {
            if (!grouped.containsKey(b.id())) {
                stories.add(new StoryBrief(
                        b.id(),
                        b.id(),
                        ungrouped,
                        null,
                        List.of(new StoryBrief.Member(
                                b.id(),
                                b.source().file(),
                                b.source().url(),
                                StoryArticle.host(b.source().url()),
                                b.language(),
                                1.0,
                                null,
                                b.status())),
                        b));
            }
        }
        stories.sort(Comparator.comparing(StoryBrief::story));
        return List.copyOf(stories);
    }

    private static StoryBrief story(String storyId, List<StoryMembership> rows, Map<String, Brief> briefs) {
        List<StoryMembership> ordered = rows.stream()
                .sorted(Comparator.comparing((StoryMembership m) -> !m.lead())
                        .thenComparing(StoryMembership::articleId))
                .toList();
        StoryMembership lead = ordered.get(0);
        List<StoryBrief.Member> members = new ArrayList<>();
        for (StoryMembership m : ordered) {
            Brief b = briefs.get(m.articleId());
            members.add(new StoryBrief.Member(
                    m.articleId(),
                    m.sourceFile(),
                    m.url(),
                    m.outlet(),
                    m.language(),
                    m.similarity(),
                    m.model(),
                    b != null ? b.status() : StoryBrief.MISSING));
        }
        Brief leadBrief = briefs.get(lead.articleId());
        if (leadBrief != null && !Brief.FAILED.equals(leadBrief.status())) {
            return new StoryBrief(storyId, lead.articleId(), lead.leadReason(), null, members, leadBrief);
        }
        // The grouping stays as recorded; only which brief shows the story changes, until the lead's is repaired.
        for (StoryMembership m : rows.stream()
                .filter(r -> !r.lead())
                .sorted(Comparator.comparingInt(StoryMembership::rank).thenComparing(StoryMembership::articleId))
                .toList()) {
            Brief b = briefs.get(m.articleId());
            if (b != null && !Brief.FAILED.equals(b.status())) {
                String note = "lead " + lead.articleId() + (leadBrief == null ? " has no brief" : " failed")
                        + "; made from " + m.articleId();
                return new StoryBrief(storyId, lead.articleId(), lead.leadReason(), note, members, b);
            }
        }
        return new StoryBrief(storyId, lead.articleId(), lead.leadReason(), null, members, leadBrief);
    }
}
