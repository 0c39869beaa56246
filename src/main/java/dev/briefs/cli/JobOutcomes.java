package dev.briefs.cli;

import dev.briefs.brief.DayReport;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.model.ModelCatalog;
import dev.briefs.model.ModelFetcher;
import dev.briefs.model.ModelPreflight;
import dev.briefs.model.ModelStore;
import dev.briefs.model.Task;
import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.HubSettings;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What {@code run} and {@code rerun-failed} share: the model preflight, and turning an outcome into output and an exit status. */
final class JobOutcomes {

    private JobOutcomes() {}

    /** Says so, as a warning line, when the partitions and their ONNX Runtime threads oversubscribe the machine. */
    static void warnOversubscription(Optional<String> warning, PrintWriter err) {
        warning.ifPresent(line -> {
            err.println("briefs: warning: " + line);
            err.flush();
        });
    }

    /** Checks (and where allowed fetches) the job's models; a model that cannot be used is a usage error. */
    static void checkModels(JobSettings settings, PrintWriter err) {
        Consumer<String> log = line -> {
            err.println("briefs: " + line);
            err.flush();
        };
        Path catalogFile = settings.models().dir().resolve("catalog.yaml");
        try {
            ModelCatalog catalog =
                    Files.isRegularFile(catalogFile) ? ModelCatalog.load(catalogFile) : ModelCatalog.empty();
            ModelStore store = new ModelStore(settings.models().dir(), catalog);
            Supplier<ModelFetcher> fetcher = () -> new ModelFetcher(
                    store,
                    new HubClient(
                            HubSettings.fromEnvironment(
                                    System.getenv(), settings.models().hubEndpoint()),
                            log),
                    Progress.auto(log),
                    log);
            new ModelPreflight(store, fetcher, log)
                    .check(
                            checked(settings, catalog),
                            settings.models().autoFetch(),
                            settings.models().variant());
        } catch (ModelException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The models the job file names, and the catalog's installed translation models: a route may take any
     * of these (docs/generation.md, "Translation routes"), so a changed one stops the run as a named one does.
     */
    private static Set<String> checked(JobSettings settings, ModelCatalog catalog) {
        Set<String> names = new TreeSet<>(settings.models().named());
        catalog.entries().stream()
                .filter(e -> e.task() == Task.TRANSLATION
                        && !e.bundled()
                        && Files.isDirectory(settings.models().dir().resolve(e.name())))
                .forEach(e -> names.add(e.name()));
        return names;
    }

    static int exitCode(JobRunner.Outcome outcome, JobSettings settings, PrintWriter out, PrintWriter err) {
        int exit = runExitCode(outcome, settings, out, err);
        if (outcome.metricsFailure() != null) {
            // The briefs are there, but a wrapper that reads the metrics would see last night's numbers or none.
            err.println("briefs: " + outcome.metricsFailure());
            return ExitCodes.JOB_FAILED;
        }
        return exit;
    }

    private static int runExitCode(JobRunner.Outcome outcome, JobSettings settings, PrintWriter out, PrintWriter err) {
        if (outcome.cause() != null && System.getenv("BRIEFS_DEBUG") != null) {
            outcome.cause().printStackTrace(err);
        }
        return switch (outcome.status()) {
            case ALREADY_COMPLETE -> {
                out.println(
                        "the run for " + settings.date() + " already finished; nothing to do (--force runs it again, "
                                + "rerun-failed redoes what failed)");
                printReport(out, settings, outcome.report());
                yield exitFor(outcome.report());
            }
            case ALREADY_RUNNING -> throw new UsageException(outcome.failure() + "; wait for it to finish");
            case MODEL_BROKEN, FOLDERS_DIFFER -> throw new UsageException(outcome.failure());
            case FAILED -> {
                err.println("briefs: the job failed: " + outcome.failure());
                err.println("briefs: once the cause is fixed, run the same command again: it goes on from the last "
                        + "committed chunk"
                        + (outcome.cause() != null ? " (set BRIEFS_DEBUG=1 for the stack trace)" : ""));
                if (outcome.report() != null) {
                    printReport(out, settings, outcome.report());
                }
                RunSummary.print(out, outcome.run(), settings.folders().output());
                yield ExitCodes.JOB_FAILED;
            }
            case STOPPED -> {
                err.println("briefs: " + outcome.failure() + "; run the same command again to go on from there");
                if (outcome.report() != null) {
                    printReport(out, settings, outcome.report());
                }
                RunSummary.print(out, outcome.run(), settings.folders().output());
                // 128 + the signal's number, as a process killed by it: TERMINATED (SIGTERM), INTERRUPTED (SIGINT).
                yield 128 + outcome.signal();
            }
            case COMPLETED -> {
                printReport(out, settings, outcome.report());
                RunSummary.print(out, outcome.run(), settings.folders().output());
                yield exitFor(outcome.report());
            }
        };
    }

    static int exitFor(DayReport report) {
        return report.allComplete() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    static void printReport(PrintWriter out, JobSettings settings, DayReport report) {
        out.printf(
                "%s: %d articles, %d complete, %d partial, %d failed; briefs in %s%n",
                settings.date(),
                report.articles(),
                report.complete(),
                report.partial(),
                report.failed(),
                settings.folders().output());
        if (!report.failures().isEmpty()) {
            out.println("Failures:");
            report.failures().forEach(f -> out.println("  " + f));
        }
    }
}
