package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.cli.ExitCodes;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CommandResult;
import dev.briefs.support.KafkaBrokerProcess;
import dev.briefs.support.Outputs;
import dev.briefs.support.RunningChild;
import dev.briefs.support.ScaledOutDay;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TestWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The Kafka broker of a scaled-out night restarts (issue 21), a real broker process ({@link KafkaBrokerProcess})
 * started again each time on the same port and log directory, with one worker running throughout:
 *
 * <ul>
 *   <li>stopped (SIGTERM) as the night starts: the manager waits {@code kafka.broker-wait-ms} for it, then the
 *       night fails with exit status 1 and one line naming the broker, and nothing of the date is recorded;
 *   <li>back, but not able to take the manager's requests as {@code acks=all} asks (fewer in-sync replicas than
 *       the topic wants, as while a cluster's brokers restart): the same, at the sending, and the run's
 *       partitions are marked failed, none left for a worker to take;
 *   <li>killed (kill -9) mid-night, while the worker runs one partition and the other partition's request waits
 *       in the topic; the first partition ends while the broker is away. The request that waited is not lost,
 *       the worker reconnects by itself, and {@code run} again completes the night as one machine does: every brief once, and
 *       exactly the model calls one machine makes, so nothing committed is redone.
 * </ul>
 */
class BrokerRestartTest {

    private static final String DATE = ScaledOutDay.DATE;

    static ScaledOutDay.Reference reference;

    @TempDir
    Path root;

    private KafkaBrokerProcess broker;
    private RunningChild worker;

    @BeforeAll
    static void oneMachine() throws IOException {
        reference = ScaledOutDay.oneMachine();
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.process.destroyForcibly();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aNightWhoseBrokerRestartsCompletesEveryBriefOnce() throws Exception {
        broker = KafkaBrokerProcess.format(Files.createDirectories(root.resolve("kafka")))
                .start();
        // One worker thread for the day's three partitions: while it runs one, the others' requests wait in the
        // topic. The manager waits 3 s for a broker that is away (60 s by default).
        Path job = ScaledOutDay.scaledOutJob(
                root, broker.bootstrapServers(), "  broker-wait-ms: 3000\n", "commit-interval: 2\npartitions: 3\n");
        worker = new RunningChild(
                ChildJvm.start(TestWorker.class.getName(), job.toString(), "slow:50"), Duration.ofSeconds(120));
        worker.await("worker assigned [partition");

        // The broker stopped (its controlled shutdown, as an operator's restart does it) when the night starts:
        // the manager waits for it, then fails, naming it, before anything of the date is recorded.
        broker.stop();
        failsNamingTheBroker(
                job,
                "the Kafka broker cannot be reached (" + broker.bootstrapServers()
                        + ") at the start: no answer in 3 s (kafka.broker-wait-ms)");
        assertThat(ScaledOutDay.history(job)).isEmpty();

        // The broker back on its port and log directory, but taking the manager's first request only: a quota of
        // one byte a second holds the producer back longer than kafka.broker-wait-ms, as a broker that stops
        // answering between two requests would. The night fails, naming the broker; the partition whose request
        // was not sent is marked failed, and the one a worker may have taken is waited for, so that none of the
        // failed run is left running or to be taken.
        broker.start();
        broker.limitProducers(1.0);
        failsNamingTheBroker(
                job,
                "the Kafka broker did not take the partition requests (" + broker.bootstrapServers()
                        + ") in 3 s (kafka.broker-wait-ms): ");
        assertThat(partitions(job))
                .hasSize(3)
                .contains(BatchStatus.FAILED)
                .allMatch(status -> status == BatchStatus.FAILED || status == BatchStatus.COMPLETED);

        // Writes taken again; run again, and mid-night the broker is killed.
        broker.limitProducers(null);
        long completedBefore = worker.printed(": COMPLETED");
        CompletableFuture<CommandResult> manager =
                CompletableFuture.supplyAsync(() -> CommandResult.run("run", job.toString(), "--date", DATE));
        worker.await("MODEL_CALL " + (worker.count("MODEL_CALL") + 3));
        broker.kill();
        // That partition ends while the broker is away: its request's offset is committed once it is back, and
        // the request of the partition still to run waits in the topic across the restart.
        worker.awaitMore(": COMPLETED", completedBefore);
        broker.start();

        CommandResult night = manager.get(300, TimeUnit.SECONDS);
        assertThat(night.exitCode()).as(night.out() + night.err()).isEqualTo(ExitCodes.OK);
        Path out = TestJobs.outputDir(root, DATE);
        assertThat(Outputs.snapshot(out)).isEqualTo(reference.files());
        assertThat(Files.readAllLines(out.resolve("briefs.jsonl"))).hasSize(17).doesNotHaveDuplicates();
        assertThat(worker.count("MODEL_CALL"))
                .as("the worker's model calls: those of one machine, none redone")
                .isEqualTo(reference.modelCalls());
        assertThat(worker.printed(": COMPLETED"))
                .as("each partition of the planning step and of the brief step run once, in the failed run or the last")
                .isEqualTo(2 * 3);
        // The run the refused sending failed, completed by this one.
        assertThat(ScaledOutDay.history(job))
                .satisfiesExactly(
                        failed -> assertThat(failed).contains("FAILED"),
                        completed -> assertThat(completed).contains("COMPLETED"));
    }

    /** {@code run} fails (exit status 1) with one line about the broker, starting with {@code line}, and no stack trace. */
    private static void failsNamingTheBroker(Path job, String line) {
        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(run.err().lines().filter(l -> l.contains("Kafka")))
                .as("one line, naming the broker")
                .singleElement()
                .asString()
                .startsWith("briefs: the job failed: " + line);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    /** The statuses of the partitions of the date's last run, as the job repository holds them. */
    private static List<BatchStatus> partitions(Path job) {
        return JobRunner.inspect(ScaledOutDay.settings(job), ctx -> {
            JobRepository repository = ctx.getBean(JobRepository.class);
            JobExecution last =
                    repository.getLastJobExecution(repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME));
            return last.getStepExecutions().stream()
                    // The partitions of whichever partitioned step the run was sending (planning, then briefs).
                    .filter(s -> NightlyJobConfiguration.WORKER_STEPS.stream()
                            .anyMatch(step -> s.getStepName().startsWith(step + ":")))
                    .map(StepExecution::getStatus)
                    .toList();
        });
    }
}
