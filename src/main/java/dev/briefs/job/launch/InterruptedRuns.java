package dev.briefs.job.launch;

import dev.briefs.job.locks.AdvisoryLock;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Recovers a date's runs that were cut off (kill -9, power loss, SIGKILL after a SIGTERM whose stop
 * had not ended), or whose end could not be recorded (the job repository's database restarting:
 * a step or a run left marked running, or UNKNOWN), so that Spring Batch can restart them from their
 * last committed chunk. Called under the date's run lock, so no other process runs the date's job;
 * only the date's own executions are touched, since in a shared repository other dates may be
 * running on other machines. A partition of the cut-off run that a remote worker is still running (it holds the
 * partition's lock) is not taken from it: the new run is refused until that worker has finished.
 */
final class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private InterruptedRuns() {}

    /** @return why the date cannot be run yet, or empty once its interrupted executions are recovered */
    static Optional<String> recover(
            DateExecutions executions,
            JobOperator operator,
            JobRepository repository,
            String jobName,
            JobSettings settings) {
        for (JobExecution cutOff : cutOff(executions.all(settings.date(), jobName))) {
            Optional<String> busy = livePartition(cutOff, settings);
            if (busy.isPresent()) {
                return busy;
            }
            operator.recover(cutOff);
        }
        // Read again: the recovery above changed some of them.
        for (JobExecution unrecorded : unrecordedEnds(executions.all(settings.date(), jobName))) {
            Optional<String> busy = livePartition(unrecorded, settings);
            if (busy.isPresent()) {
                return busy;
            }
            recoverUnrecordedEnd(repository, unrecorded);
        }
        return Optional.empty();
    }

    /**
     * Of the date's executions, those that ended (FAILED, STOPPED) or were left UNKNOWN, with a step still
     * marked running or UNKNOWN. The job repository's database restarting leaves them: a step whose last write
     * failed stays marked running, and Spring Batch marks UNKNOWN a step or run whose end it could not record
     * at first but could a moment later, once the database was back. Spring Batch refuses to restart either
     * ("already running", "from UNKNOWN status") and {@link JobOperator#recover} leaves UNKNOWN alone.
     */
    private static List<JobExecution> unrecordedEnds(List<JobExecution> dates) {
        return dates.stream()
                .filter(e -> !e.getStatus().isRunning() && e.getStatus() != BatchStatus.COMPLETED)
                .filter(e -> e.getStatus() == BatchStatus.UNKNOWN
                        || e.getStepExecutions().stream().anyMatch(InterruptedRuns::unrecorded))
                .toList();
    }

    private static boolean unrecorded(StepExecution step) {
        return step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN;
    }

    /**
     * Marks the steps and the run failed, as {@link JobOperator#recover} does a cut-off run. Safe for this
     * job whatever Spring Batch's UNKNOWN warns of (a failure that could not be rolled back): each chunk
     * commits its briefs' records and the reader's position in one transaction, so the repository holds the
     * last committed chunk exactly, and what was done outside it is written again the same (brief files are
     * replaced whole, the output cache is keyed by its inputs).
     */
    private static void recoverUnrecordedEnd(JobRepository repository, JobExecution execution) {
        String why = "recovered by a later run: its end was not recorded (the job repository's database was "
                + "unreachable at the time)";
        LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault());
        for (StepExecution step : execution.getStepExecutions()) {
            if (unrecorded(step)) {
                log.warn(
                        "{} #{}: step {} was left {}; recovered as FAILED, to go on from its last committed chunk",
                        execution.getJobInstance().getJobName(),
                        execution.getId(),
                        step.getStepName(),
                        step.getStatus());
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(step.getExitStatus()
                        .replaceExitCode(ExitStatus.FAILED.getExitCode())
                        .addExitDescription(why));
                step.setEndTime(step.getEndTime() == null ? now : step.getEndTime());
                repository.update(step);
            }
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            log.warn(
                    "{} #{} was left UNKNOWN; recovered as FAILED",
                    execution.getJobInstance().getJobName(),
                    execution.getId());
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(execution
                    .getExitStatus()
                    .replaceExitCode(ExitStatus.FAILED.getExitCode())
                    .addExitDescription(why));
            execution.setEndTime(execution.getEndTime() == null ? now : execution.getEndTime());
            repository.update(execution);
        }
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
                    || NightlyJobConfiguration.WORKER_STEPS.stream()
                            .noneMatch(worker -> step.getStepName().startsWith(worker + ":"))) {
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
