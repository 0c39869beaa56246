package dev.briefs.cli;

import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.metrics.MetricsFile;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code briefs rerun-failed}: redo exactly the failed work of a date. */
@Command(
        name = "rerun-failed",
        mixinStandardHelpOptions = true,
        description = {
            "Redo exactly what failed on a date.",
            "",
            "Redoes the open failures of a date, as the failure ledger lists them (a model",
            "that was missing or timed out, an article that could not be read), merges the results into",
            "the existing briefs, rewrites briefs.jsonl, digest.md and briefs.atom, marks what succeeded",
            "resolved, and writes the run's report.json (summarised at the end of the output)."
        },
        footer = {
            "",
            "Exit status as for run: 0 all briefs complete, 3 some failures remain, 2 usage error, 1 job failed",
            "(or its --metrics-file could not be written), 143 stopped by SIGTERM (130 by Ctrl-C)."
        })
final class RerunFailedCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Mixin
    ProgressOptions progressOptions;

    @Mixin
    MetricsFileOption metrics;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MetricsFile metricsFile = metrics.target();
        JobSettings settings = job.recordedSettings("rerun-failed", null);
        JobOutcomes.checkModels(settings, spec.commandLine().getErr());
        try (ConsoleProgress progress = progressOptions.start(0, settings.date().toString())) {
            JobRunner.Outcome outcome = JobRunner.rerunFailed(settings, progress, metricsFile);
            return JobOutcomes.exitCode(
                    outcome,
                    settings,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
