package dev.briefs.story;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which member of a story its brief is made from: the longest (most words), since a brief drawn from the
 * fullest account misses least of the story, and a longer article is usually the later, complete one
 * rather than the first breaking line. Equal lengths go to the earliest date (articles without a date
 * last), then to the smallest id, so the choice never depends on input order.
 */
final class LeadChoice {

    static final Comparator<StoryArticle> BEST_FIRST = Comparator.comparingInt(StoryArticle::words)
            .reversed()
            .thenComparing(StoryArticle::date, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(StoryArticle::id);

    private LeadChoice() {}

    /** The members, best source first. */
    static List<StoryArticle> rank(List<StoryArticle> members) {
        return members.stream().sorted(BEST_FIRST).toList();
    }

    /** Why the first of {@code ranked} leads, for people. */
    static String reason(List<StoryArticle> ranked) {
        StoryArticle lead = ranked.get(0);
        if (ranked.size() == 1) {
            return "only article";
        }
        StoryArticle next = ranked.get(1);
        String reason = String.format(
                Locale.ROOT, "longest: %d words; next %s, %d words", lead.words(), next.id(), next.words());
        if (next.words() == lead.words()) {
            reason = lead.date() != null && !lead.date().equals(next.date())
                    ? String.format(
                            Locale.ROOT,
                            "longest (%d words, as long as %s) and earliest (%s)",
                            lead.words(),
                            next.id(),
                            lead.date())
                    : String.format(
                            Locale.ROOT, "longest (%d words, as long as %s), first by id", lead.words(), next.id());
        }
        return reason;
    }
}
