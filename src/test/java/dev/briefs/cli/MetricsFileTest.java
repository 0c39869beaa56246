package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.metrics.MetricsFile;
import dev.briefs.report.RunReportFile;
import dev.briefs.support.CommandResult;
import dev.briefs.support.InterceptedModels;
import dev.briefs.support.MetricsJson;
import dev.briefs.support.PrometheusText;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics-file}: what a cron wrapper or node_exporter's textfile collector reads after
 * the night. The numbers must be the night's own: briefs by status as the output folder has them,
 * failures as the ledger has them, the stages, the model runs and Spring Batch's job as they ran;
 * also, and above all, when the night failed.
 */
@SuppressWarnings("LongDoubleConversion") // small counts compared with Micrometer's doubles
class MetricsFileTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    private Path job(String extra) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        return TestJobs.write(root, extra);
    }

    private static long briefsWithStatus(Path out, String status) throws IOException {
        return BriefFiles.readAll(out).stream()
                .filter(b -> b.status().equals(status))
                .count();
    }

    private static long openFailures(JobSettings settings, String stage) {
        return JobRunner.inspect(settings, RunHistory::of).failures().stream()
                .filter(LedgerEntry::open)
                .filter(e -> e.stage().equals(stage))
                .count();
    }

    @Test
    void runWritesJsonAndRerunFailedPrometheusTextWithTheNumbersOfWhatEachDid() throws Exception {
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        Path job = job("");
        Path out = TestJobs.outputDir(root, DATE);
        Path metricsDir = Files.createDirectories(root.resolve("metrics"));
        Path json = metricsDir.resolve("briefs.json");

        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE, "--metrics-file", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SOME_FAILED);
        JobSettings settings = JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
        MetricsJson night = MetricsJson.read(json);
        assertThat(night.value("briefs.articles", Map.of("status", "ok"), "count"))
                .isEqualTo(briefsWithStatus(out, Brief.OK))
                .isEqualTo(2);
        assertThat(night.value("briefs.articles", Map.of("status", "partial"), "count"))
                .isEqualTo(briefsWithStatus(out, Brief.PARTIAL))
                .isEqualTo(2);
        assertThat(night.value("briefs.articles", Map.of("status", "failed"), "count"))
                .isZero();
        assertThat(night.sum("briefs.articles", Map.of(), "count"))
                .isEqualTo(RunReportFile.read(out).briefed());
        assertThat(night.value("briefs.failures", Map.of("stage", "translate"), "count"))
                .isEqualTo(openFailures(settings, "translate"))
                .isEqualTo(2);
        for (String stage : List.of("read", "summarise", "write")) {
            assertThat(night.value("briefs.stage", Map.of("stage", stage), "count"))
                    .as(stage)
                    .isPositive();
            assertThat(night.value("briefs.stage", Map.of("stage", stage), "total"))
                    .as(stage)
                    .isPositive();
        }
        assertThat(night.meter("briefs.stage", Map.of("stage", "read"))
                        .get("baseUnit")
                        .asString())
                .isEqualTo("seconds");
        assertThat(night.value("briefs.onnx.run", Map.of("model", "opus-mt-uk-en", "graph", "encoder"), "count"))
                .as("the Ukrainian articles' translations ran the installed model")
                .isPositive();
        assertThat(night.value(
                        "spring.batch.job",
                        Map.of("spring.batch.job.name", "nightly-briefs", "spring.batch.job.status", "COMPLETED"),
                        "count"))
                .isEqualTo(1);
        assertThat(night.sum(
                        "spring.batch.item.read",
                        Map.of(
                                "spring.batch.item.read.job.name",
                                "nightly-briefs",
                                "spring.batch.item.read.status",
                                "SUCCESS"),
                        "count"))
                .as("Spring Batch's own item meters: every article read, and the end of each partition")
                .isGreaterThanOrEqualTo(4);

        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        Path prom = metricsDir.resolve("briefs.prom");
        CommandResult rerun =
                CommandResult.run("rerun-failed", job.toString(), "--date", DATE, "--metrics-file", prom.toString());

        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        PrometheusText text = PrometheusText.read(prom);
        assertThat(text.value("briefs_articles_total", Map.of("status", "ok")))
                .as("the two articles redone")
                .isEqualTo(2);
        assertThat(text.value("briefs_articles_total", Map.of("status", "partial")))
                .isZero();
        assertThat(text.samples("briefs_failures_total")).as("nothing failed").isEmpty();
        assertThat(text.value("briefs_stage_seconds_count", Map.of("stage", "translate")))
                .isPositive();
        assertThat(text.value("briefs_stage_seconds_sum", Map.of("stage", "translate")))
                .isPositive();
        assertThat(text.value("briefs_onnx_run_seconds_count", Map.of("model", "opus-mt-en-uk", "graph", "encoder")))
                .isPositive();
        assertThat(text.value(
                        "spring_batch_job_seconds_count",
                        Map.of("spring_batch_job_name", "rerun-failed", "spring_batch_job_status", "COMPLETED")))
                .isEqualTo(1);
        assertThat(text.types())
                .containsEntry("briefs_articles_total", "counter")
                .containsEntry("briefs_stage_seconds", "summary");

        assertThat(Files.getPosixFilePermissions(prom))
                .as("node_exporter runs as a user of its own")
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        try (var files = Files.list(metricsDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("written atomically, no temporary file left")
                    .containsExactlyInAnyOrder("briefs.json", "briefs.prom");
        }
    }

    @Test
    void aNightThatFailsStillWritesItsMetricsSayingSo() throws IOException {
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        // One article a chunk, in file order: the first English article fails within the skip limit and is
        // committed; the Ukrainian article after it, whose round trip goes back through the same broken model,
        // goes past it and fails the night.
        Path job = job("retry:\n  max-retries: 2\n  delay-ms: 5\nskip-limit: 1\ncommit-interval: 1\n");
        Files.writeString(job, Files.readString(job).replace("partitions: 2", "partitions: 1"));
        JobSettings settings = JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
        Path json = root.resolve("night.json");
        ModelDecorator timingOut = InterceptedModels.before((name, text) -> {
            if (name.equals("opus-mt-en-uk")) {
                throw new UncheckedIOException(new IOException("model timed out"));
            }
        });

        JobRunner.Outcome outcome = JobRunner.runNightly(
                settings,
                false,
                RunProgress.NONE,
                MetricsFile.of(json),
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", timingOut));

        assertThat(outcome.status()).as(outcome.failure()).isEqualTo(JobRunner.Status.FAILED);
        assertThat(outcome.metricsFailure()).isNull();
        MetricsJson night = MetricsJson.read(json);
        assertThat(night.sum(
                        "spring.batch.job",
                        Map.of("spring.batch.job.name", "nightly-briefs", "spring.batch.job.status", "FAILED"),
                        "count"))
                .isEqualTo(1);
        assertThat(night.sum("briefs.articles", Map.of(), "count"))
                .as("the briefs the night committed, as its report has them")
                .isEqualTo(RunReportFile.read(settings.folders().output()).briefed())
                .isEqualTo(1);
        assertThat(night.value("briefs.articles", Map.of("status", "partial"), "count"))
                .isEqualTo(1);
        double translateFailures = night.value("briefs.failures", Map.of("stage", "translate"), "count");
        assertThat(translateFailures)
                .isEqualTo(openFailures(settings, "translate"))
                .isPositive();
        assertThat(night.value("briefs.model.retries", Map.of(), "count"))
                .as("each failed chunk was tried twice more, the rolled-back article's too")
                .isGreaterThan(2 * translateFailures);
    }

    @Test
    void aMetricsFileInAFolderThatDoesNotExistIsAUsageErrorBeforeTheRunStarts() throws IOException {
        Path job = job("");
        Path missing = root.resolve("no-such-folder").resolve("briefs.prom");

        CommandResult run =
                CommandResult.run("run", job.toString(), "--date", DATE, "--metrics-file", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .isEqualTo("briefs: --metrics-file " + missing + ": the folder " + missing.getParent()
                        + " does not exist; create it or name a file in an existing folder" + System.lineSeparator());
        assertThat(TestJobs.outputDir(root, DATE)).as("nothing ran").doesNotExist();

        CommandResult rerun =
                CommandResult.run("rerun-failed", job.toString(), "--date", DATE, "--metrics-file", root.toString());
        assertThat(rerun.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(rerun.err())
                .startsWith("briefs: --metrics-file " + root + " is a folder; name a file in it")
                .doesNotContain("Exception")
                .hasLineCount(1);
    }

    @Test
    void metricsThatCannotBeWrittenAtTheEndFailTheCommandSayingWhy() throws IOException {
        Path job = job("");
        JobSettings settings = JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
        Path metricsDir = Files.createDirectories(root.resolve("metrics"));
        Path prom = metricsDir.resolve("briefs.prom");
        // The folder is there when the run starts and a file stands in its place when it ends.
        RunProgress replacingTheFolder = brief -> {
            try {
                if (Files.isDirectory(metricsDir)) {
                    Files.delete(metricsDir);
                    Files.writeString(metricsDir, "not a folder");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        JobRunner.Outcome outcome = JobRunner.runNightly(settings, false, replacingTheFolder, MetricsFile.of(prom));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JobOutcomes.exitCode(outcome, settings, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(err.toString())
                .startsWith("briefs: the metrics file was not written: cannot write " + prom.toAbsolutePath() + ": ")
                .hasLineCount(1);
        assertThat(out.toString()).as("the run's own report is still there").contains("Summary of this run");
    }
}
