package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CommandResult;
import dev.briefs.support.Outputs;
import dev.briefs.support.RunningChild;
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.SlowedCommand;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The scheduler's stop (issue 21): Kubernetes (or systemd, or an operator) sends SIGTERM to a running
 * {@code run}, and SIGKILL once the grace period is over. SIGTERM stops the run at its next chunk boundary: the
 * process exits within a bound with status 143 and says how to go on, the job repository has the execution
 * STOPPED with every step ended, and the next {@code run} ends the day as a clean night does, byte for byte.
 * SIGKILL after SIGTERM, before the run reached its boundary, is a crash like any other: the next {@code run}
 * ends the day the same. The child is the real command line with its model calls slowed, so that the signal
 * lands mid-chunk with chunks still to go.
 */
class SigtermStopTest {

    private static final String DATE = "2022-04-14";
    /**
     * How long a run may take to end after SIGTERM. Each of its two partitions finishes the chunk it is in, one
     * article of about six model calls slowed by {@link #SLOW_MS} (2 s), then the launcher writes the report and
     * the metrics and closes the context (a second or two). The bound is generous, for a loaded 2-core machine.
     */
    private static final long STOP_LIMIT_SECONDS = 60;

    private static final long SLOW_MS = 300;

    @TempDir
    static Path cleanRoot;

    static Map<String, String> cleanNight;

    @TempDir
    Path root;

    private final List<RunningChild> children = new ArrayList<>();

    @BeforeAll
    static void cleanNight() throws IOException {
        SharedCorpus.dir();
        Path job = prepare(cleanRoot);
        JobRunner.Outcome clean = JobRunner.runNightly(settings(job), false, RunProgress.NONE);
        assertThat(clean.status()).as(clean.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        cleanNight = Outputs.snapshot(TestJobs.outputDir(cleanRoot, DATE));
        assertThat(cleanNight)
                .containsKeys("briefs.jsonl", "digest.md", "digest.html", "briefs.atom")
                .hasSize(16 * 2 + 4);
    }

    @AfterEach
    void killChildren() {
        children.forEach(c -> c.process.destroyForcibly());
    }

    /** The 16 Ukrainian articles in two partitions, a chunk an article: eight chunks a partition. */
    static Path prepare(Path dir) throws IOException {
        SharedCorpus.writeUkrainianArticles(TestJobs.inputDir(dir, DATE));
        TinyModels.install("tiny-marian-uk-en", dir.resolve("models"), "opus-mt-uk-en");
        TinyModels.install("tiny-marian-en-uk", dir.resolve("models"), "opus-mt-en-uk");
        return TestJobs.write(dir, "commit-interval: 1\n");
    }

    static JobSettings settings(Path job) throws IOException {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    @Test
    void sigtermStopsTheRunAtAChunkBoundaryAndTheNextRunEndsTheDay() throws Exception {
        Path job = prepare(root);
        Path out = TestJobs.outputDir(root, DATE);
        Path metrics = root.resolve("briefs.prom");
        RunningChild run = start(SLOW_MS, "run", job.toString(), "--date", DATE, "--metrics-file", metrics.toString());
        awaitFirstBrief(run, out);

        run.process.toHandle().destroy(); // SIGTERM; ProcessHandle's, which leaves the pipes open
        assertThat(run.ends(STOP_LIMIT_SECONDS))
                .as("the run ended within %d s of SIGTERM", STOP_LIMIT_SECONDS)
                .isTrue();

        assertThat(run.process.exitValue()).as(run.output()).isEqualTo(ExitCodes.TERMINATED);
        assertThat(run.output())
                .contains("briefs: stopped by SIGTERM after the last committed chunk")
                .contains("run the same command again to go on from there");
        assertThat(out.resolve("briefs.jsonl"))
                .as("the day's files wait for its end")
                .doesNotExist();
        assertThat(out.resolve(BriefFiles.REPORT))
                .as("the stopped run's report")
                .exists();
        assertThat(metrics).as("the stopped run's metrics").exists();
        JobExecution stopped = onlyExecution(job);
        assertThat(stopped.getStatus()).hasToString("STOPPED");
        assertThat(stopped.getStepExecutions())
                .as("every step ended, none left running")
                .allSatisfy(s -> assertThat(s.getStatus().isRunning())
                        .as(s.getStepName())
                        .isFalse());
        long committed = stopped.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("articleWorker:"))
                .mapToLong(StepExecution::getWriteCount)
                .sum();
        assertThat(BriefFiles.readAll(out))
                .as("each brief on disk was committed: the run stopped between chunks")
                .hasSize((int) committed);
        assertThat(committed).as("stopped part way").isBetween(1L, 15L);

        CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertNightLikeTheCleanOne(out);
        List<String> runs = JobRunner.inspect(settings(job), RunHistory::of).runs();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("STOPPED").contains(committed + " briefs written");
        assertThat(runs.get(1)).contains("COMPLETED").contains((16 - committed) + " briefs written");
    }

    @Test
    void sigkillAfterSigtermBeforeTheRunStoppedIsACrashTheNextRunRecoversFrom() throws Exception {
        Path job = prepare(root);
        Path out = TestJobs.outputDir(root, DATE);
        // Slower calls: the grace period runs out while the partitions are in the middle of their chunks.
        RunningChild run = start(1000, "run", job.toString(), "--date", DATE);
        awaitFirstBrief(run, out);

        run.process.toHandle().destroy(); // SIGTERM
        run.await("stopping after the current chunk");
        run.process.destroyForcibly(); // SIGKILL: the grace period is over
        assertThat(run.ends(30)).isTrue();
        assertThat(run.process.exitValue())
                .as("killed by SIGKILL before it stopped by itself:\n" + run.output())
                .isEqualTo(128 + 9);

        CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertNightLikeTheCleanOne(out);
        List<String> runs = JobRunner.inspect(settings(job), RunHistory::of).runs();
        // One instance, two executions: the killed one, recovered as failed, and its restart.
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("FAILED");
        assertThat(runs.get(1)).contains("COMPLETED");
    }

    private static void assertNightLikeTheCleanOne(Path out) throws IOException {
        assertThat(Outputs.snapshot(out)).isEqualTo(cleanNight);
        assertThat(Files.readAllLines(out.resolve("briefs.jsonl")))
                .as("every brief exactly once")
                .hasSize(16)
                .doesNotHaveDuplicates();
        assertThat(BriefFiles.readAll(out))
                .hasSize(16)
                .allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));
    }

    private static JobExecution onlyExecution(Path job) throws IOException {
        return JobRunner.inspect(settings(job), context -> {
            JobRepository repository = context.getBean(JobRepository.class);
            List<JobExecution> executions = new ArrayList<>();
            for (JobInstance instance : repository.findJobInstances("nightly-briefs")) {
                executions.addAll(repository.getJobExecutions(instance));
            }
            assertThat(executions).hasSize(1);
            return executions.get(0);
        });
    }

    private RunningChild start(long slowMs, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(String.valueOf(slowMs)));
        args.addAll(List.of(command));
        RunningChild child = new RunningChild(
                ChildJvm.start(SlowedCommand.class.getName(), args.toArray(String[]::new)), Duration.ofSeconds(60));
        children.add(child);
        return child;
    }

    /** Waits until the first brief file is in {@code out}: a chunk is committed, and many are to come. */
    private static void awaitFirstBrief(RunningChild run, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && run.process.isAlive()) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> files = Files.list(out)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".json")
                            && !f.getFileName().toString().startsWith("."))) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no brief was written within 180 s:\n" + run.output());
    }
}
