package dev.briefs.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.briefs.brief.Brief;
import dev.briefs.brief.DayReport;
import dev.briefs.brief.DayStories;
import dev.briefs.brief.StageTimers;
import dev.briefs.brief.StyleTally;
import dev.briefs.ledger.LedgerEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run of {@code run} or {@code rerun-failed}, as {@code report.json} has it: how the day stands
 * afterwards, what still fails grouped by reason with what fixes it, where the run's time went, and
 * which model revisions made the briefs. Field order here is the order in the file.
 *
 * @param command   {@code run} or {@code rerun-failed}
 * @param articles  the day's briefs after the run; {@code complete}, {@code partial}, {@code failed} split them by status
 * @param checked   the day's language briefs the checks looked at (0: checks off)
 * @param doubtful  the day's language briefs the checks found doubtful (the digest says why)
 * @param style     how the day's language briefs held to the house style; absent without a style file
 * @param stories   the day's stories after the run (each entry of the digest); as many as {@code articles}
 *                  when stories are off
 * @param briefed   the briefs this run wrote, wherever its partitions ran
 * @param seconds   the run's wall-clock time
 * @param stages    this process's time in each stage, summed over its threads (so it can exceed {@code seconds});
 *                  a manager's are near zero, its workers read and brief
 * @param failures  the date's open failures, one group per stage, error type and fix
 * @param cache     model outputs this process took from the output cache, and those its models made
 * @param storyNotes what the day's story grouping could not do (such as comparing articles across languages
 *                   without the multilingual model); empty when it did everything
 */
public record RunReport(
        String date,
        String command,
        int articles,
        int complete,
        int partial,
        int failed,
        int checked,
        int doubtful,
        @JsonInclude(JsonInclude.Include.NON_NULL) StyleTally style,
        int stories,
        long briefed,
        double seconds,
        double articlesPerMinute,
        Map<String, StageTime> stages,
        List<FailureGroup> failures,
        List<ModelUse> models,
        CacheUse cache,
        List<String> storyNotes) {

    public RunReport {
        storyNotes = storyNotes == null ? List.of() : List.copyOf(storyNotes);
    }

    /** How many article ids a failure group lists; the ledger ({@code status}) has them all. */
    static final int MAX_IDS = 10;

    public record StageTime(double seconds, long calls) {}

    /**
     * @param units    open ledger rows: chunks, or whole articles for {@code read} and {@code process}
     * @param articles how many articles they concern; {@code ids} names the first of them
     * @param example  the first row's message, which names the cause
     * @param fix      what to run (or do, then run) to clear them
     */
    public record FailureGroup(
            String stage, String errorType, int units, int articles, List<String> ids, String example, String fix) {}

    /**
     * @param hits   outputs found in the cache: model calls saved
     * @param misses outputs the models had to make (and the cache now keeps)
     */
    public record CacheUse(long hits, long misses) {}

    /** @param revision the commit of the model's files, as in the briefs; null for the bundled summariser */
    public record ModelUse(String model, String revision) {}

    /** The report of a day whose articles are each a story of their own. */
    public static RunReport of(
            String date,
            String command,
            List<Brief> briefs,
            List<LedgerEntry> open,
            StageTimers timers,
            Duration wall,
            long briefed,
            CacheUse cache) {
        return of(date, command, briefs, DayStories.none("no stories given"), open, timers, wall, briefed, cache);
    }

    /** @param stories the day's stories as recorded */
    public static RunReport of(
            String date,
            String command,
            List<Brief> briefs,
            DayStories stories,
            List<LedgerEntry> open,
            StageTimers timers,
            Duration wall,
            long briefed,
            CacheUse cache) {
        DayReport day = DayReport.of(briefs);
        double minutes = wall.toNanos() / 60e9;
        Map<String, StageTime> stages = new LinkedHashMap<>();
        timers.totals()
                .forEach((stage, t) ->
                        stages.put(stage, new StageTime(round(t.time().toNanos() / 1e9, 3), t.calls())));
        return new RunReport(
                date,
                command,
                day.articles(),
                day.complete(),
                day.partial(),
                day.failed(),
                day.checked(),
                day.doubtful(),
                day.style(),
                stories.arrange(briefs).size(),
                briefed,
                round(wall.toNanos() / 1e9, 3),
                minutes > 0 ? round(briefed / minutes, 1) : 0,
                stages,
                groups(date, open),
                models(briefs),
                cache,
                stories.notes());
    }

    private static List<FailureGroup> groups(String date, List<LedgerEntry> open) {
        record Key(String stage, String errorType, String fix) {}
        Map<Key, List<LedgerEntry>> byKey = new LinkedHashMap<>();
        for (LedgerEntry e : open) {
            byKey.computeIfAbsent(new Key(e.stage(), e.errorType(), FixCommands.of(e, date)), k -> new ArrayList<>())
                    .add(e);
        }
        List<FailureGroup> groups = new ArrayList<>();
        byKey.forEach((key, rows) -> {
            TreeSet<String> ids = new TreeSet<>();
            rows.forEach(r -> ids.add(r.articleId()));
            groups.add(new FailureGroup(
                    key.stage(),
                    key.errorType(),
                    rows.size(),
                    ids.size(),
                    ids.stream().limit(MAX_IDS).toList(),
                    rows.get(0).message(),
                    key.fix()));
        });
        // The reasons that cost the most articles first: that is where the morning starts.
        groups.sort(Comparator.comparingInt(FailureGroup::articles)
                .reversed()
                .thenComparing(FailureGroup::stage, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(FailureGroup::errorType, Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(groups);
    }

    private static List<ModelUse> models(List<Brief> briefs) {
        Map<String, LinkedHashSet<String>> revisions = new TreeMap<>();
        for (Brief b : briefs) {
            for (Brief.LanguageBrief lb : b.briefs().values()) {
                if (lb.ok()) {
                    // Every model of a route made the text, the first leg of a pivot as much as the second.
                    lb.madeBy()
                            .forEach(u -> revisions
                                    .computeIfAbsent(u.model(), m -> new LinkedHashSet<>())
                                    .add(Objects.toString(u.revision(), "")));
                }
            }
        }
        List<ModelUse> models = new ArrayList<>();
        // A model with two revisions in one day (a refetch between run and rerun) is listed twice: both made briefs.
        revisions.forEach((model, revs) ->
                new TreeSet<>(revs).forEach(r -> models.add(new ModelUse(model, r.isEmpty() ? null : r))));
        return List.copyOf(models);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.max(0, Math.round(value * scale) / scale);
    }
}
