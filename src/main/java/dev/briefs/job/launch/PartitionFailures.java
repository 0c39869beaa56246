package dev.briefs.job.launch;

import dev.briefs.failure.FailureText;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** What an operator is told of a night whose partitions failed: the first cause, from here or a remote worker. */
final class PartitionFailures {

    private PartitionFailures() {}

    /**
     * Why a partition failed: its innermost cause where it ran in this process, else the first
     * line of what the repository records (a remote worker puts its cause there, see
     * {@code job.remote.PartitionRequestHandler}; a worker that died, the reaper's words).
     */
    static Optional<String> firstCause(JobExecution live, JobExecution stored) {
        Optional<String> here = live.getStepExecutions().stream()
                .filter(PartitionFailures::isFailedPartition)
                .flatMap(s -> s.getFailureExceptions().stream())
                .map(FailureText::of)
                .findFirst();
        return here.or(() -> stored.getStepExecutions().stream()
                .filter(PartitionFailures::isFailedPartition)
                .map(s -> s.getExitStatus().getExitDescription().strip())
                .filter(d -> !d.isEmpty())
                .map(d -> d.lines().findFirst().orElse(d))
                .findFirst());
    }

    private static boolean isFailedPartition(StepExecution s) {
        return NightlyJobConfiguration.WORKER_STEPS.stream()
                        .anyMatch(w -> s.getStepName().startsWith(w + ":"))
                && (s.getStatus().isUnsuccessful() || s.getStatus() == BatchStatus.STOPPED);
    }
}
