package dev.briefs.job.remote;

import dev.briefs.job.locks.AdvisoryLock;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.settings.RepositorySettings;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Watches the partitions of the manager's step while it waits for them. A worker holds its
 * partition's advisory lock while it runs it ({@link PartitionRequestHandler}); a partition shown as
 * running whose lock can be taken has lost its worker (killed, machine gone), because the database
 * released the lock with the worker's session. Such a partition is marked failed, so the manager's
 * step ends and the run fails; running the date again redoes only the partitions that did not
 * complete, from their last committed chunk.
 */
final class DeadWorkerReaper implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DeadWorkerReaper.class);

    private final JobRepository repository;
    private final RepositorySettings database;
    private final Duration every;
    private ScheduledExecutorService watcher;

    DeadWorkerReaper(JobRepository repository, RepositorySettings database, Duration every) {
        this.repository = repository;
        this.database = database;
        this.every = every;
    }

    @Override
    public void beforeStep(StepExecution managerStep) {
        long jobExecutionId = managerStep.getJobExecutionId();
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "briefs-dead-worker-reaper");
            t.setDaemon(true);
            return t;
        });
        var unused = watcher.scheduleWithFixedDelay(
                () -> reap(jobExecutionId), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution managerStep) {
        watcher.shutdownNow();
        return null;
    }

    void reap(long jobExecutionId) {
        try {
            JobExecution job = repository.getJobExecution(jobExecutionId);
            for (StepExecution partition : job.getStepExecutions()) {
                if (partition.getStepName().startsWith(NightlyJobConfiguration.WORKER_STEP + ":")
                        && partition.getStatus() == BatchStatus.STARTED) {
                    failIfOrphaned(partition.getId());
                }
            }
        } catch (RuntimeException | IOException e) {
            // The next round tries again; the step's own polling goes on meanwhile.
            log.warn("could not check the partitions' workers: {}", e.getMessage());
        }
    }

    private void failIfOrphaned(long stepExecutionId) throws IOException {
        try (AdvisoryLock lock = AdvisoryLock.tryAcquire(
                database, AdvisoryLock.PARTITION, stepExecutionId, "checking partition " + stepExecutionId)) {
            if (lock == null) {
                return; // its worker is alive
            }
            // Read again under the lock: the worker may have finished between the first read and the lock.
            StepExecution partition = repository.getStepExecution(stepExecutionId);
            if (partition == null || partition.getStatus() != BatchStatus.STARTED) {
                return;
            }
            String why =
                    "the worker running partition " + partition.getStepName() + " is gone (its database session ended)"
                            + "; run the date again to redo this partition from its last committed chunk";
            log.error(why);
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
            partition.setEndTime(LocalDateTime.now(ZoneId.systemDefault()));
            repository.update(partition);
        }
    }
}
