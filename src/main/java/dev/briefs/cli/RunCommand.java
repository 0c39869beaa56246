package dev.briefs.cli;

import dev.briefs.article.ArticleFiles;
import dev.briefs.article.DaySize;
import dev.briefs.article.InputLimits;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.metrics.MetricsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code briefs run}: the nightly job for one date. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the nightly job for a date.",
            "",
            "Reads the day's article files and writes a brief per article (ID.json, ID.md),",
            "briefs.jsonl, digest.md, the Atom feed briefs.atom, and the run's report.json (also",
            "summarised at the end of the output). Running a date again resumes a run that crashed or failed;",
            "a date already complete is left alone unless --force. A date's run remembers its",
            "folders: running it again, rerun-failed and status use them unless told otherwise."
        },
        footer = {
            "",
            "Exit status: 0 all briefs complete, 3 some chunks or articles failed (the rest is written),",
            "2 usage or configuration error, 1 the job failed (or its --metrics-file could not be written),",
            "143 stopped by SIGTERM after its last committed chunk (130 by Ctrl-C): run it again to go on."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Mixin
    ProgressOptions progressOptions;

    @Mixin
    MetricsFileOption metrics;

    @Option(
            names = "--force",
            description = {
                "Start a new run of the date: even if it already completed, " + "or with other folders than its run's."
            })
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MetricsFile metricsFile = metrics.target();
        // --force starts a new run of the date, on the folders given or the job file's.
        JobSettings settings = force
                ? job.settings()
                : job.recordedSettings("run", "add --force to start a new run of the date with them");
        if (!Files.isDirectory(settings.folders().input())) {
            throw new UsageException("input folder " + settings.folders().input()
                    + " does not exist; drop the day's articles there " + "or pass --input DIR");
        }
        int files = checkDaySize(settings);
        JobOutcomes.checkModels(settings, spec.commandLine().getErr());
        JobOutcomes.warnOversubscription(
                settings.compute().oversubscription(), spec.commandLine().getErr());
        JobRunner.Outcome outcome;
        try (ConsoleProgress progress =
                progressOptions.start(files, settings.date().toString())) {
            outcome = JobRunner.runNightly(settings, force, progress, metricsFile);
        }
        return JobOutcomes.exitCode(
                outcome,
                settings,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /**
     * A day with more articles than {@code max-day-articles} is refused before any work: the stories step compares
     * every pair of the day's articles, so such a night would take hours longer than the nights it was sized on.
     *
     * @return the files of the day, for the progress bar
     */
    private static int checkDaySize(JobSettings settings) {
        Path input = settings.folders().input();
        InputLimits limits = settings.reading().limits();
        DaySize size;
        try {
            size = DaySize.of(input, ArticleFiles.list(input), limits);
        } catch (IOException e) {
            throw new UsageException("cannot list the input folder " + input + ": " + e.getMessage());
        }
        if (size.over(limits)) {
            throw new UsageException("the input folder " + input + " holds more than " + limits.maxDayArticles()
                    + " articles (" + size.files() + " files), the limit of a day ('max-day-articles' in "
                    + settings.jobFile() + "); move what does not belong to " + settings.date()
                    + " out of it, or raise the limit (the stories step's time grows with the square of a day's"
                    + " articles: docs/input.md, \"Hostile sizes\")");
        }
        return size.files();
    }
}
