package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.DayStories;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.ledger.StoryRecords;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.Outputs;
import dev.briefs.support.RestartablePostgres;
import dev.briefs.support.RunningChild;
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.SlowRun;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job repository's PostgreSQL restarts mid-night: the server is stopped (fast shutdown, as a
 * restart or a failover does) while a local night is briefing, after some of its chunks committed,
 * and started again on the same data directory and port. The night must end, not hang, within a
 * bound, with exit status 1 and one line naming the database; {@code run} again must recover the
 * execution the outage left STARTED and complete the day byte-identical to a clean night, every
 * brief once, no open ledger rows, the stories as recorded before the outage.
 */
class DatabaseRestartTest {

    private static final String DATE = "2022-04-14";
    /**
     * How long the night may take to end once its database is gone: the job's bound (see
     * docs/operating.md, Faults) with room for a loaded 2-core machine.
     */
    private static final long END_LIMIT_SECONDS = 120;

    @TempDir
    Path root;

    private RestartablePostgres postgres;
    private RunningChild child;

    @AfterEach
    void stop() throws IOException {
        if (child != null) {
            child.process.destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aNightWhoseDatabaseRestartsFailsInBoundAndRunAgainCompletesTheDay() throws Exception {
        postgres = new RestartablePostgres(root.resolve("pgdata"));

        // The clean night, on a database of the same server.
        Path cleanRoot = Files.createDirectories(root.resolve("clean"));
        Path cleanJob = prepare(cleanRoot, postgres.createDatabase("clean"));
        JobRunner.Outcome clean = JobRunner.runNightly(settings(cleanJob), false, RunProgress.NONE);
        assertThat(clean.status()).as(clean.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        Map<String, String> cleanOutput = Outputs.snapshot(TestJobs.outputDir(cleanRoot, DATE));

        // The night whose database restarts: model calls slowed so that it is stopped mid-night.
        Path nightRoot = Files.createDirectories(root.resolve("night"));
        Path job = prepare(nightRoot, postgres.createDatabase("night"));
        child = new RunningChild(
                ChildJvm.start(SlowRun.class.getName(), job.toString(), DATE, "150"),
                Duration.ofSeconds(END_LIMIT_SECONDS));
        child.await("BRIEF 6");
        Optional<DayStories> storiesBefore = stories(settings(job));
        assertThat(storiesBefore).isPresent();

        long stopped = System.nanoTime();
        postgres.stop(); // pg_ctl stop (fast): every session ends, the run's lock with it
        boolean ended = child.ends(END_LIMIT_SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopped);
        System.out.println("--- the night's output (ended " + ended + " after " + seconds + " s):\n" + child.output());
        assertThat(ended)
                .as("the night ended within %d s of its database going:\n%s", END_LIMIT_SECONDS, child.output())
                .isTrue();
        assertThat(child.process.exitValue()).as(child.output()).isEqualTo(1);
        assertThat(child.output()).contains("OUTCOME FAILED the job repository's database");

        // The database comes back on the same data directory and port; run again, as the CLI does.
        postgres.startAgain();
        JobSettings again = JobRunner.withRunRecord(settings(job), false, false, "run", "--force");
        JobRunner.Outcome outcome = JobRunner.runNightly(again, false, RunProgress.NONE);
        assertThat(outcome.status()).as(outcome.failure()).isEqualTo(JobRunner.Status.COMPLETED);

        Path dir = TestJobs.outputDir(nightRoot, DATE);
        assertThat(Outputs.snapshot(dir)).isEqualTo(cleanOutput);
        List<String> lines = Files.readAllLines(dir.resolve("briefs.jsonl"));
        assertThat(new HashSet<>(lines)).hasSameSizeAs(lines);
        assertThat(BriefFiles.readAll(dir))
                .hasSize(16)
                .allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));
        assertRecoveredDay(settings(job), storiesBefore);
    }

    /**
     * What {@code run} again leaves once the database is back: no open ledger rows, the stories as recorded
     * before the outage, and one instance of two runs, the one the outage failed (recovered as failed) and the
     * one that completed the day. Returns the two runs as {@code status} shows them.
     */
    static List<String> assertRecoveredDay(JobSettings settings, Optional<DayStories> storiesBefore) {
        List<LedgerEntry> open = JobRunner.inspect(
                settings, ctx -> ctx.getBean(FailureLedger.class).open(DATE));
        assertThat(open).isEmpty();
        assertThat(stories(settings)).isEqualTo(storiesBefore);
        List<String> runs = JobRunner.inspect(settings, RunHistory::of).runs();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("nightly-briefs").contains("FAILED");
        assertThat(runs.get(1)).contains("nightly-briefs").contains("COMPLETED");
        return runs;
    }

    private static Path prepare(Path root, String url) throws IOException {
        SharedCorpus.writeUkrainianArticles(TestJobs.inputDir(root, DATE));
        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-uk-en");
        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
        return TestJobs.write(
                root,
                "commit-interval: 2\nchunk:\n  max-tokens: 40\nrepository:\n  url: " + url
                        + "\n  username: postgres\n");
    }

    private static JobSettings settings(Path job) {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    /** The date's stories as the job repository records them. */
    static Optional<DayStories> stories(JobSettings settings) {
        return JobRunner.inspect(
                settings, ctx -> ctx.getBean(StoryRecords.class).read(DATE).map(StoryRecords.Recorded::stories));
    }
}
