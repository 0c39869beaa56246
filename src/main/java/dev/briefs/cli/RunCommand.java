package dev.briefs.cli;

import dev.briefs.article.ArticleFiles;
import dev.briefs.brief.DayReport;
import java.io.IOException;
import dev.briefs.job.JobFiles;
import dev.briefs.model.ModelCatalog;
import dev.briefs.model.ModelException;
import dev.briefs.model.ModelFetcher;
import dev.briefs.model.ModelPreflight;
import dev.briefs.model.ModelStore;
import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.HubSettings;
import dev.briefs.model.hub.Progress;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.briefs.job.JobSettings;
import dev.briefs.job.NightlyRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code briefs run}: the nightly job for one date. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Reads the day's article files and writes a brief per article (ID.json, ID.md),",
                "briefs.jsonl and digest.md. Running a date again resumes a run that crashed or failed;",
                "a date already complete is left alone unless --force."},
        footer = {"", "Exit status: 0 all briefs complete, 3 some chunks or articles failed (the rest is written),",
                "2 usage or configuration error, 1 the job failed."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_FILE", defaultValue = "jobs/nightly.yaml",
            description = "Job file (default: ${DEFAULT-VALUE}).")
    Path jobFile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day to brief (default: today).")
    String date;

    @Option(names = "--input", paramLabel = "DIR", description = "Input folder, instead of the job file's.")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder, instead of the job file's.")
    Path output;

    @Option(names = "--force", description = "Run again even if this date already completed.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JobSettings settings = JobSettings.resolve(jobFile, JobFiles.read(jobFile), parseDate(date), input, output);
        if (!Files.isDirectory(settings.input())) {
            throw new UsageException("input folder " + settings.input() + " does not exist; drop the day's articles there "
                    + "or pass --input DIR");
        }
        checkModels(settings);
        NightlyRun.Outcome outcome;
        try (ConsoleProgress progress = ConsoleProgress.create(spec.commandLine().getErr(), countFiles(settings.input()),
                System.console() != null)) {
            outcome = NightlyRun.run(settings, force, progress);
        }
        if (outcome.cause() != null && System.getenv("BRIEFS_DEBUG") != null) {
            outcome.cause().printStackTrace(spec.commandLine().getErr());
        }
        return switch (outcome.status()) {
            case ALREADY_COMPLETE -> {
                out.println("the run for " + settings.date() + " already finished; nothing to do (--force runs it again)");
                printReport(out, settings, outcome.report());
                yield exitFor(outcome.report());
            }
            case ALREADY_RUNNING -> throw new UsageException(outcome.failure() + "; wait for it to finish");
            case MODEL_BROKEN -> throw new UsageException(outcome.failure());
            case FAILED -> {
                spec.commandLine().getErr().println("briefs: the job failed: " + outcome.failure());
                if (outcome.report() != null) {
                    printReport(out, settings, outcome.report());
                }
                yield ExitCodes.JOB_FAILED;
            }
            case COMPLETED -> {
                printReport(out, settings, outcome.report());
                yield exitFor(outcome.report());
            }
        };
    }

    private void checkModels(JobSettings settings) {
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> log = line -> {
            err.println("briefs: " + line);
            err.flush();
        };
        Path catalogFile = settings.modelsDir().resolve("catalog.yaml");
        try {
            ModelCatalog catalog = Files.isRegularFile(catalogFile) ? ModelCatalog.load(catalogFile) : ModelCatalog.empty();
            ModelStore store = new ModelStore(settings.modelsDir(), catalog);
            Supplier<ModelFetcher> fetcher = () -> new ModelFetcher(store,
                    new HubClient(HubSettings.fromEnvironment(System.getenv(), settings.hubEndpoint()), log),
                    Progress.auto(log), log);
            new ModelPreflight(store, fetcher, log).check(settings.namedModels(), settings.autoFetch());
        } catch (ModelException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int countFiles(Path input) {
        try {
            return ArticleFiles.list(input).size();
        } catch (IOException e) {
            throw new UsageException("cannot list the input folder " + input + ": " + e.getMessage());
        }
    }

    private static int exitFor(DayReport report) {
        return report.allComplete() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private static void printReport(PrintWriter out, JobSettings settings, DayReport report) {
        out.printf("%s: %d articles, %d complete, %d partial, %d failed; briefs in %s%n", settings.date(),
                report.articles(), report.complete(), report.partial(), report.failed(), settings.output());
        if (!report.failures().isEmpty()) {
            out.println("Failures:");
            report.failures().forEach(f -> out.println("  " + f));
        }
    }

    static LocalDate parseDate(String date) {
        if (date == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date '" + date + "' is not a date; write it as YYYY-MM-DD");
        }
    }

}
