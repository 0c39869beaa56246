package dev.briefs.job.remote;

import dev.briefs.failure.FailureText;
import dev.briefs.job.locks.AdvisoryLock;
import dev.briefs.job.nightly.RunParameters;
import dev.briefs.job.settings.RepositorySettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A worker's side of a partition request, as Spring Batch's {@code StepExecutionRequestHandler}
 * does it (find the step execution in the shared repository, execute the step on it), with a claim
 * first. Kafka delivers a request at least once (again after a rebalance, for example), so before
 * it runs the partition, the worker claims it: it takes the partition's advisory lock, holds it while it runs,
 * and runs only a partition that no one has started. A request for a partition that is running
 * elsewhere, finished, or failed meanwhile is acknowledged and left alone, so nothing is briefed twice.
 *
 * <p>On shutdown ({@link #stopAfterCurrentChunks}) the running partitions are asked to stop at
 * their next chunk boundary: they end STOPPED with their work committed, and the run's restart
 * goes on from there.
 */
public final class PartitionRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

    private final JobRepository repository;
    private final RepositorySettings database;
    private final StepLocator steps;
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    PartitionRequestHandler(JobRepository repository, RepositorySettings database, StepLocator steps) {
        this.repository = repository;
        this.database = database;
        this.steps = steps;
    }

    void handle(StepExecutionRequest request) throws IOException {
        if (stopping) {
            // Not acknowledged work is redelivered to another worker; throwing keeps the offset.
            throw new IllegalStateException("worker is stopping; " + request + " is left for another worker");
        }
        long id = request.getStepExecutionId();
        try (AdvisoryLock claim = AdvisoryLock.tryAcquire(database, AdvisoryLock.PARTITION, id, "partition " + id)) {
            if (claim == null) {
                log.info("partition {} is running on another worker; request left alone", id);
                return;
            }
            StepExecution partition = repository.getStepExecution(id);
            if (partition == null) {
                log.warn("partition {} is not in the job repository (another database?); request dropped", id);
                return;
            }
            if (partition.getStatus() != BatchStatus.STARTING) {
                log.info(
                        "partition {} ({}) is {} already; request left alone",
                        id,
                        partition.getStepName(),
                        partition.getStatus());
                return;
            }
            String date = partition.getJobExecution().getJobParameters().getString(RunParameters.DATE);
            Step step;
            try {
                step = steps.getStep(request.getStepName());
            } catch (RuntimeException e) {
                // Not retried: no worker of this build can run it, and the manager must not wait for it.
                String why =
                        "this worker has no step '" + request.getStepName() + "' (is it the manager's briefs version?)";
                log.error("date {} partition {}: {}", date, partition.getStepName(), why);
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), why));
                repository.update(partition);
                return;
            }
            log.info("date {} partition {}: started", date, partition.getStepName());
            running.add(partition);
            if (stopping) {
                partition.setTerminateOnly(); // asked to stop while this one was being claimed
            }
            try {
                step.execute(partition);
            } catch (JobInterruptedException e) {
                partition.setStatus(BatchStatus.STOPPED);
                repository.update(partition);
            } catch (Throwable e) {
                partition.addFailureException(e);
                partition.setStatus(BatchStatus.FAILED);
                repository.update(partition);
            } finally {
                running.remove(partition);
            }
            Optional<String> databaseGone = FailureText.repository(partition.getFailureExceptions(), database, null);
            if (databaseGone.isPresent()) {
                recordDatabaseGone(date, partition, databaseGone.get());
                return;
            }
            if (partition.getStatus() == BatchStatus.FAILED
                    && !partition.getFailureExceptions().isEmpty()) {
                // The manager reads only the repository: its first line is what the operator is told.
                String cause = FailureText.of(partition.getFailureExceptions().get(0));
                log.error("date {} partition {}: failed: {}", date, partition.getStepName(), cause);
                partition.setExitStatus(new ExitStatus(
                        ExitStatus.FAILED.getExitCode(),
                        cause + "\n\n" + partition.getExitStatus().getExitDescription()));
                repository.update(partition);
            }
            if (partition.getStatus() == BatchStatus.STOPPED) {
                partition.setExitStatus(
                        new ExitStatus(
                                ExitStatus.STOPPED.getExitCode(),
                                "partition " + partition.getStepName()
                                        + " was stopped after a committed chunk by its worker's shutdown; run the date again to go on"));
                repository.update(partition);
            }
            log.info(
                    "date {} partition {}: {} ({} briefs written)",
                    date,
                    partition.getStepName(),
                    partition.getStatus(),
                    partition.getWriteCount());
        }
    }

    /**
     * The job repository's database went (a restart, a failover) while the partition ran: its chunk in
     * progress was rolled back with the session, what committed stays, and the manager's own polling of the
     * repository fails the night. The worker says so in one line and records it where it can; once the database
     * is back, its pool opens new connections and it goes on taking partitions, the next night's or this date's
     * when it is run again. Where the database is still gone the partition stays as the repository has it
     * (marked running, or UNKNOWN), and the date's next run recovers it (job.launch.InterruptedRuns).
     */
    private void recordDatabaseGone(String date, StepExecution partition, String cause) {
        log.error(
                "date {} partition {}: failed: {}; running the date again goes on from its last committed chunk; "
                        + "this worker goes on taking partitions",
                date,
                partition.getStepName(),
                cause);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(new ExitStatus(
                ExitStatus.FAILED.getExitCode(),
                cause + "\n\n" + partition.getExitStatus().getExitDescription()));
        try {
            repository.update(partition);
        } catch (RuntimeException stillGone) {
            log.warn(
                    "date {} partition {}: its end is not recorded ({}); the date's next run recovers it",
                    date,
                    partition.getStepName(),
                    FailureText.of(stillGone));
        }
    }

    /** Stops taking requests, asks running partitions to stop after their current chunk, and waits for them. */
    public void stopAfterCurrentChunks(Duration patience) {
        stopping = true;
        log.info("worker stopping: {} partition(s) running, each stops after its current chunk", running.size());
        running.forEach(StepExecution::setTerminateOnly);
        long deadline = System.nanoTime() + patience.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!running.isEmpty()) {
            log.warn(
                    "{} partition(s) did not reach a chunk boundary in {}s; they will be failed by the manager",
                    running.size(),
                    patience.toSeconds());
        }
    }
}
