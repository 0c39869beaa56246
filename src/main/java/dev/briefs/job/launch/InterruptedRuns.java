package dev.briefs.job.launch;

import dev.briefs.job.locks.AdvisoryLock;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
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
            DateExecutions executions, JobOperator operator, String jobName, JobSettings settings) {
        for (JobExecution cutOff : cutOff(executions.all(settings.date(), jobName))) {
            Optional<String> busy = livePartition(cutOff, settings);
            if (busy.isPresent()) {
                return busy;
            }
            operator.recover(cutOff);
        }
        return Optional.empty();
    }

    /**
     * Of the date's executions (oldest first), those still marked running, and the last of an instance when it
     * is marked STOPPED with a step still marked running: a stop ({@link GracefulStop}) marks the execution
     * STOPPED at once and its steps when they reach their chunk boundary, so a process killed in between leaves
     * both, and Spring Batch restarts neither.
     */
    private static List<JobExecution> cutOff(List<JobExecution> dates) {
        // An instance's last execution is, as Spring Batch has it, the one with the greatest id.
        Map<Long, Long> lastOfInstance = new HashMap<>();
        dates.forEach(e -> lastOfInstance.merge(e.getJobInstance().getInstanceId(), e.getId(), Math::max));
        List<JobExecution> found = new ArrayList<>();
        for (JobExecution e : dates) {
            boolean running = e.getStatus().isRunning();
            boolean stoppedMidStep = e.getStatus() == BatchStatus.STOPPED
                    && lastOfInstance.get(e.getJobInstance().getInstanceId()) == e.getId()
                    && e.getStepExecutions().stream()
                            .anyMatch(s -> s.getStatus().isRunning());
            if (running || stoppedMidStep) {
                found.add(e);
            }
        }
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
