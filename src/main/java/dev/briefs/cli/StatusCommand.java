package dev.briefs.cli;

import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.DayReport;
import dev.briefs.cache.OutputCache;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.ledger.StoryRecords;
import dev.briefs.log.Invocation;
import dev.briefs.report.RunReport;
import dev.briefs.report.RunReportFile;
import dev.briefs.story.StoryMembership;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code briefs status}: what ran for a date, what failed and why, what is still open. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show what ran on a date, what failed and why, what is open.",
            "",
            "Shows a date's runs (from the job repository), its briefs (from the output folder), its",
            "stories (as the stories step recorded them) and its failures (from the failure ledger):",
            "open ones first, with the command that redoes them."
        },
        footer = {
            "",
            "Exit status: 0 nothing open, 3 failures are open, 1 the date's last run failed or was stopped",
            "(the day is not done: run it again), 2 usage error."
        })
final class StatusCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JobSettings settings = job.recordedSettings("status", null);
        PrintWriter out = spec.commandLine().getOut();
        // One context for every question: each start of Spring and the database costs a second or more.
        DayRecords day;
        try {
            day = JobRunner.inspect(
                    settings,
                    context -> new DayRecords(
                            RunHistory.of(context),
                            context.getBean(StoryRecords.class)
                                    .read(settings.date().toString()),
                            settings.cache().enabled()
                                    ? context.getBean(OutputCache.class).totals()
                                    : null));
        } catch (RuntimeException e) {
            throw new UsageException("cannot read the job database in "
                    + settings.folders().data() + " (" + e.getMessage() + "); is a run in progress?");
        }
        RunHistory history = day.history();
        out.println("Runs for " + settings.date() + ":");
        if (history.runs().isEmpty()) {
            out.println("  none");
        }
        history.runs().forEach(r -> out.println("  " + r));
        if (!history.runs().isEmpty()) {
            out.println("Folders of the run: input " + settings.folders().input() + ", output "
                    + settings.folders().output());
        }
        // A night that failed or was stopped has written only part of the day, and records none of the rest
        // as failed: nothing in the ledger would tell, so this line does.
        if (history.unfinished() != null) {
            out.println("The last run did not finish (" + history.unfinished() + "); the day is not done. Go on with: "
                    + Invocation.command("run ") + settings.jobFile() + " --date " + settings.date());
        }
        DayReport report = DayReport.of(BriefFiles.readAll(settings.folders().output()));
        out.printf(
                "Briefs in %s: %d articles, %d complete, %d partial, %d failed%n",
                settings.folders().output(), report.articles(), report.complete(), report.partial(), report.failed());
        printStories(out, day.stories());
        List<LedgerEntry> open =
                history.failures().stream().filter(LedgerEntry::open).toList();
        int resolved = history.failures().size() - open.size();
        out.printf("Failures: %d open, %d resolved%n", open.size(), resolved);
        for (LedgerEntry e : open) {
            out.printf(
                    "  %s %s%s chunk %d: %s (%s, %d attempts, last %s)%n",
                    e.articleId(),
                    e.stage(),
                    e.language() == null ? "" : " [" + e.language() + "]",
                    e.chunkIndex(),
                    e.message(),
                    e.errorType(),
                    e.attempts(),
                    e.lastSeen());
        }
        if (!open.isEmpty()) {
            out.println("Redo them with: " + Invocation.command("rerun-failed ") + settings.jobFile() + " --date "
                    + settings.date());
        }
        printCache(out, settings, day.cache());
        if (history.unfinished() != null) {
            return ExitCodes.JOB_FAILED;
        }
        return open.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** The day's stories as the stories step recorded them; nothing when none were recorded for the date. */
    private static void printStories(PrintWriter out, Optional<StoryRecords.Recorded> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        Map<String, Long> sizes = recorded.get().stories().memberships().stream()
                .collect(Collectors.groupingBy(StoryMembership::storyId, Collectors.counting()));
        long several = sizes.values().stream().filter(n -> n > 1).count();
        int articles = recorded.get().stories().memberships().size();
        out.printf(
                Locale.ROOT,
                "Stories: %d article%s in %d stor%s (%d with several sources)%n",
                articles,
                articles == 1 ? "" : "s",
                sizes.size(),
                sizes.size() == 1 ? "y" : "ies",
                several);
        recorded.get().stories().notes().forEach(note -> out.println("  note: " + note));
    }

    /** What the output cache holds, and what the date's last run took from it. */
    private static void printCache(PrintWriter out, JobSettings settings, OutputCache.Totals totals)
            throws IOException {
        if (totals == null) {
            out.println("Model output cache: off (cache.enabled in the job file)");
            return;
        }
        out.printf(
                "Model output cache: %d outputs kept (up to %d days old), %d hits in all%n",
                totals.outputs(), totals.maxAgeDays(), totals.hits());
        if (!Files.isRegularFile(settings.folders().output().resolve(BriefFiles.REPORT))) {
            return;
        }
        RunReport last = RunReportFile.read(settings.folders().output());
        if (last.cache() != null) {
            out.printf(
                    "  the last %s of %s: %d outputs from the cache, %d made by the models%n",
                    last.command(),
                    settings.date(),
                    last.cache().hits(),
                    last.cache().misses());
        }
    }

    /** What the job repository holds for the date; {@code cache} is null when the cache is off. */
    private record DayRecords(RunHistory history, Optional<StoryRecords.Recorded> stories, OutputCache.Totals cache) {}
}
