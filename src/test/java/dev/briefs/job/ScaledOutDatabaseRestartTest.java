package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.DayStories;
import dev.briefs.cli.ExitCodes;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CommandResult;
import dev.briefs.support.EmbeddedKafka;
import dev.briefs.support.Outputs;
import dev.briefs.support.RestartablePostgres;
import dev.briefs.support.RunningChild;
import dev.briefs.support.ScaledOutDay;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TestWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job repository's PostgreSQL restarts under a scaled-out night, as a failover does: stopped (fast
 * shutdown: every session ends, the advisory locks with them) while two worker processes brief the day's
 * partitions for a manager ({@code run}), and started again on the same data directory and port a few seconds
 * later, while the manager is still failing. The manager must end with exit status 1 and one line naming the
 * database; each worker must say in one line that its partition failed because of the database, and go on
 * serving; and {@code run} again, with the same workers, must complete the day as one machine does: every brief
 * once, no open ledger rows, the stories as recorded before the outage.
 *
 * <p>What the outage leaves in the repository depends on when each process's last write met the database gone
 * or back: a partition still marked running, a run or step marked UNKNOWN (Spring Batch's mark for an end it
 * could not record at first), or failed. Which one a run of this test meets is timing; {@link
 * DatabaseOutageRecordsTest} tries each.
 */
class ScaledOutDatabaseRestartTest {

    private static final String DATE = ScaledOutDay.DATE;
    /**
     * How long the manager may take to end once its database went: its failed poll, then the step's and the
     * job's last writes, each waiting 5 s for a connection (docs/operating.md, Faults), with room for a loaded
     * 2-core machine.
     */
    private static final long END_LIMIT_SECONDS = 120;
    /** Inputs of one model call at most (batch.max-rows, its default). */
    private static final int MAX_ROWS = 16;

    @TempDir
    Path root;

    private RestartablePostgres postgres;
    private final List<RunningChild> children = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        children.forEach(c -> c.process.destroyForcibly());
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theManagerFailsNamingTheDatabaseTheWorkersServeOnAndRunAgainCompletesTheDay() throws Exception {
        ScaledOutDay.Reference day = ScaledOutDay.oneMachine();
        postgres = new RestartablePostgres(root.resolve("pgdata"));
        postgres.createDatabase("night");
        Path job = ScaledOutDay.scaledOutJobOn(
                root,
                postgres.jobFileLines("night"),
                EmbeddedKafka.bootstrapServers(),
                // No planning step: the outage is to come while the brief step has committed some chunks and has
                // one under way (with planning every model call comes before the first brief).
                "commit-interval: 2\nbatch:\n  plan-window: 0\n");
        RunningChild first = start(TestWorker.class.getName(), job.toString(), "slow:150");
        RunningChild second = start(TestWorker.class.getName(), job.toString(), "slow:150");
        first.await("worker assigned [partition");
        second.await("worker assigned [partition");
        CompletableFuture<CommandResult> manager =
                CompletableFuture.supplyAsync(() -> CommandResult.run("run", job.toString(), "--date", DATE));
        // Each partition is a few chunks in: some committed, one under way.
        first.await("MODEL_CALL 14");
        second.await("MODEL_CALL 14");
        Optional<DayStories> storiesBefore = DatabaseRestartTest.stories(ScaledOutDay.settings(job));
        assertThat(storiesBefore).isPresent();

        long stopped = System.nanoTime();
        postgres.stop();
        String gone = "the job repository's database cannot be reached (" + postgres.url("night") + ")";
        first.await(gone);
        second.await(gone);
        postgres.startAgain();

        CommandResult failed = manager.get(END_LIMIT_SECONDS, TimeUnit.SECONDS);
        System.out.println("--- the manager's output (ended "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopped) + " s after the server was stopped):\n"
                + failed.out() + failed.err());
        System.out.println("--- the workers' lines for their partitions:");
        for (RunningChild worker : List.of(first, second)) {
            worker.lines.stream()
                    .filter(l -> l.contains("PartitionRequestHandler - "))
                    .forEach(System.out::println);
        }
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.err()).as("no stack trace").doesNotContain("\tat ");
        assertThat(failed.err().lines())
                .as("the operator's line")
                .filteredOn(l -> l.startsWith("briefs: the job failed: "))
                .singleElement()
                .asString()
                .contains(gone);
        for (RunningChild worker : List.of(first, second)) {
            assertThat(worker.lines)
                    .as("each worker's line for its partition")
                    .filteredOn(l -> l.contains(gone))
                    .singleElement()
                    .asString()
                    .contains("date " + DATE + " partition articleWorker:partition")
                    .contains("this worker goes on taking partitions");
            assertThat(worker.process.isAlive()).isTrue();
        }
        int callsBefore = first.count("MODEL_CALL") + second.count("MODEL_CALL");

        // Once the database is back, the same command, with the same workers.
        CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);

        Path out = TestJobs.outputDir(root, DATE);
        assertThat(Outputs.snapshot(out)).isEqualTo(day.files());
        assertThat(Files.readAllLines(out.resolve("briefs.jsonl"))).hasSize(17).doesNotHaveDuplicates();
        List<String> runs = DatabaseRestartTest.assertRecoveredDay(ScaledOutDay.settings(job), storiesBefore);
        // Nothing committed is written again: the briefs the failed night committed and those of the run that
        // completed the day add up to the day's 17.
        assertThat(briefsWritten(runs.get(0))).as(runs.get(0)).isPositive();
        assertThat(briefsWritten(runs.get(0)) + briefsWritten(runs.get(1))).isEqualTo(17);
        // Every output was made at least once, as on one machine; the outage cost at most the model call each
        // partition had under way, whose outputs could not be kept in the repository's output cache.
        int calls = first.count("MODEL_CALL") + second.count("MODEL_CALL");
        System.out.printf(
                "model inputs: %d before the restart, %d in all; %d on one machine%n",
                callsBefore, calls, day.modelCalls());
        assertThat(calls)
                .as("model inputs over both runs (%d before the restart)", callsBefore)
                .isBetween(day.modelCalls(), day.modelCalls() + 2 * MAX_ROWS);
        assertThat(first.process.isAlive() && second.process.isAlive()).isTrue();
    }

    private static int briefsWritten(String run) {
        Matcher m = Pattern.compile("(\\d+) briefs written").matcher(run);
        assertThat(m.find()).as(run).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private RunningChild start(String main, String... args) throws IOException {
        RunningChild child = new RunningChild(ChildJvm.start(main, args), Duration.ofSeconds(90));
        children.add(child);
        return child;
    }
}
