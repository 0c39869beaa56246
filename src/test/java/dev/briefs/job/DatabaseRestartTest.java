package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

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
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.SlowRun;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    private EmbeddedPostgres server;
    private Process child;

    @AfterEach
    void stop() throws IOException {
        if (child != null) {
            child.destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @SuppressWarnings("JdkObsolete") // StringBuffer: the reader thread appends while this one reads
    void aNightWhoseDatabaseRestartsFailsInBoundAndRunAgainCompletesTheDay() throws Exception {
        Path data = root.resolve("pgdata");
        int port = freePort();
        server = start(data, port);
        createDatabase("clean");
        createDatabase("night");

        // The clean night, on a database of the same server.
        Path cleanRoot = Files.createDirectories(root.resolve("clean"));
        Path cleanJob = prepare(cleanRoot, url(port, "clean"));
        JobRunner.Outcome clean = JobRunner.runNightly(settings(cleanJob), false, RunProgress.NONE);
        assertThat(clean.status()).as(clean.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        Map<String, String> cleanOutput = Outputs.snapshot(TestJobs.outputDir(cleanRoot, DATE));

        // The night whose database restarts: model calls slowed so that it is stopped mid-night.
        Path nightRoot = Files.createDirectories(root.resolve("night"));
        Path job = prepare(nightRoot, url(port, "night"));
        child = ChildJvm.start(SlowRun.class.getName(), job.toString(), DATE, "150");
        StringBuffer output = new StringBuffer();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.equals("BRIEF 6"); line = out.readLine()) {
            output.append(line).append('\n');
        }
        assertThat(child.isAlive()).as("the night wrote 6 briefs:\n" + output).isTrue();
        Optional<DayStories> storiesBefore = stories(job);
        assertThat(storiesBefore).isPresent();

        long stopped = System.nanoTime();
        server.close(); // pg_ctl stop (fast): every session ends, the run's lock with it
        server = null;
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("(output not read: ").append(e).append(')');
            }
        });
        reader.setDaemon(true);
        reader.start();
        boolean ended = child.waitFor(END_LIMIT_SECONDS, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopped);
        reader.join(TimeUnit.SECONDS.toMillis(10));
        System.out.println("--- the night's output (ended " + ended + " after " + seconds + " s):\n" + output);
        assertThat(ended)
                .as("the night ended within %d s of its database going:\n%s", END_LIMIT_SECONDS, output)
                .isTrue();
        assertThat(child.exitValue()).as(output.toString()).isEqualTo(1);
        assertThat(output.toString()).contains("OUTCOME FAILED the job repository's database");

        // The database comes back on the same data directory and port; run again, as the CLI does.
        server = start(data, port);
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
        List<LedgerEntry> open = JobRunner.inspect(
                settings(job), ctx -> ctx.getBean(FailureLedger.class).open(DATE));
        assertThat(open).isEmpty();
        assertThat(stories(job)).isEqualTo(storiesBefore);
        // One instance: the execution the outage left STARTED, recovered as FAILED, and the run that completed it.
        List<String> runs = JobRunner.inspect(settings(job), RunHistory::of).runs();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("nightly-briefs").contains("FAILED");
        assertThat(runs.get(1)).contains("nightly-briefs").contains("COMPLETED");
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

    private static Optional<DayStories> stories(Path job) {
        return JobRunner.inspect(
                settings(job), ctx -> ctx.getBean(StoryRecords.class).read(DATE).map(StoryRecords.Recorded::stories));
    }

    private static EmbeddedPostgres start(Path data, int port) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException | RuntimeException e) {
            return abort("skipped: the embedded PostgreSQL server could not start here (" + e + ")");
        }
    }

    private void createDatabase(String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
