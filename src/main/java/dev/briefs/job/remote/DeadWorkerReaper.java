package dev.briefs.job.remote;

import dev.briefs.failure.Causes;
import dev.briefs.job.locks.AdvisoryLock;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.settings.RepositorySettings;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
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
 *
 * <p>When the manager's step fails because a request could not be sent (the broker gone, see {@link
 * BrokerUnavailableException}), the partitions are settled before the run ends: those that no worker holds are
 * marked failed, so that a request of theirs delivered later is left alone; those already running on a worker
 * are waited for. So no partition of the failed run is still briefing when {@code run} again starts it anew.
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
        managerStep.getFailureExceptions().stream()
                .map(e -> Causes.find(e, BrokerUnavailableException.class))
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(why -> settle(managerStep.getJobExecutionId(), why.getMessage()));
        return null;
    }

    private void settle(long jobExecutionId, String why) {
        try {
            int told = 0;
            while (true) {
                int running = 0;
                for (StepExecution partition :
                        repository.getJobExecution(jobExecutionId).getStepExecutions()) {
                    if (isPartition(partition)
                            && partition.getStatus().isRunning()
                            && !failIfUnheld(partition.getId(), why)) {
                        running++;
                    }
                }
                if (running == 0) {
                    return;
                }
                if (running != told) {
                    log.warn("waiting for the {} partition(s) that workers are running before the run ends", running);
                    told = running;
                }
                Thread.sleep(every.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            log.warn("could not settle the partitions of the failed run: {}", e.getMessage());
        }
    }

    void reap(long jobExecutionId) {
        try {
            JobExecution job = repository.getJobExecution(jobExecutionId);
            for (StepExecution partition : job.getStepExecutions()) {
                if (isPartition(partition) && partition.getStatus() == BatchStatus.STARTED) {
                    failIfUnheld(
                            partition.getId(),
                            "the worker running partition " + partition.getStepName()
                                    + " is gone (its database session ended)"
                                    + "; run the date again to redo this partition from its last committed chunk");
                }
            }
        } catch (RuntimeException | IOException e) {
            // The next round tries again; the step's own polling goes on meanwhile.
            log.warn("could not check the partitions' workers: {}", e.getMessage());
        }
    }

    private static boolean isPartition(StepExecution step) {
        return NightlyJobConfiguration.WORKER_STEPS.stream()
                .anyMatch(worker -> step.getStepName().startsWith(worker + ":"));
    }

    /**
     * Marks the partition failed, for {@code why}, unless a worker holds it.
     *
     * @return false while a worker holds the partition (it is running there), else true
     */
    private boolean failIfUnheld(long stepExecutionId, String why) throws IOException {
        try (AdvisoryLock lock = AdvisoryLock.tryAcquire(
                database, AdvisoryLock.PARTITION, stepExecutionId, "checking partition " + stepExecutionId)) {
            if (lock == null) {
                return false; // its worker is alive
            }
            // Read again under the lock: the worker may have finished between the first read and the lock.
            StepExecution partition = repository.getStepExecution(stepExecutionId);
            if (partition == null || !partition.getStatus().isRunning()) {
                return true;
            }
            log.error(why);
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
            partition.setEndTime(LocalDateTime.now(ZoneId.systemDefault()));
            repository.update(partition);
            return true;
        }
    }
}
