package dev.briefs.job.launch;

import dev.briefs.job.locks.AdvisoryLock;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunParameters;
import dev.briefs.job.settings.JobSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Recovers a date's runs that were cut off (kill -9, power loss, SIGKILL after a SIGTERM whose stop
 * had not ended), so that Spring Batch can restart them from their last committed chunk. Called
 * under the date's run lock, so no other process runs the date's job; only the date's own
 * executions are touched, since in a shared repository other dates may be running on other
 * machines. A partition of the cut-off run that a remote worker is still running (it holds the
 * partition's lock) is not taken from it: the new run is refused until that worker has finished.
 */
final class InterruptedRuns {

    private InterruptedRuns() {}

    /** @return why the date cannot be run yet, or empty once its interrupted executions are recovered */
    static Optional<String> recover(
            JobRepository repository, JobOperator operator, String jobName, JobSettings settings) {
        for (JobExecution cutOff : cutOff(repository, jobName, settings.date().toString())) {
            Optional<String> busy = livePartition(cutOff, settings);
            if (busy.isPresent()) {
                return busy;
            }
            operator.recover(cutOff);
        }
        return Optional.empty();
    }

    /**
     * The date's executions still marked running, and those marked STOPPED with a step still marked running:
     * a stop ({@link GracefulStop}) marks the execution STOPPED at once and its steps when they reach their
     * chunk boundary, so a process killed in between leaves both, and Spring Batch restarts neither.
     */
    private static Set<JobExecution> cutOff(JobRepository repository, String jobName, String date) {
        Set<JobExecution> found = new LinkedHashSet<>(repository.findRunningJobExecutions(jobName));
        for (JobInstance instance : repository.findJobInstances(jobName)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null
                    && last.getStatus() == BatchStatus.STOPPED
                    && last.getStepExecutions().stream()
                            .anyMatch(s -> s.getStatus().isRunning())) {
                found.add(last);
            }
        }
        found.removeIf(e -> !date.equals(e.getJobParameters().getString(RunParameters.DATE)));
        return found;
    }

    private static Optional<String> livePartition(JobExecution execution, JobSettings settings) {
        if (!settings.repository().postgres()) {
            return Optional.empty(); // one process per H2 database: under the run lock, nothing else runs
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() != BatchStatus.STARTED
                    || !step.getStepName().startsWith(NightlyJobConfiguration.WORKER_STEP + ":")) {
                continue;
            }
            try (AdvisoryLock probe = AdvisoryLock.tryAcquire(
                    settings.repository(),
                    AdvisoryLock.PARTITION,
                    step.getId(),
                    "checking partition " + step.getId())) {
                if (probe == null) {
                    return Optional.of("partition " + step.getStepName() + " of the interrupted run of "
                            + settings.date()
                            + " is still running on a worker ("
                            + AdvisoryLock.holder(settings.repository(), AdvisoryLock.PARTITION, step.getId()) + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }
}
