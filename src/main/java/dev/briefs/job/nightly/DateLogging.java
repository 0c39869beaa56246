package dev.briefs.job.nightly;

import dev.briefs.log.LogFields;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts the run's date into the log fields of the thread a step runs on: a partition runs on a
 * thread of its own, or on a remote worker that runs partitions of any date.
 */
final class DateLogging implements StepExecutionListener {

    @SuppressWarnings("ThreadLocalUsage") // one per listener: a worker step may run on its manager step's thread
    private final ThreadLocal<LogFields.Scope> scope = new ThreadLocal<>();

    @Override
    public void beforeStep(StepExecution step) {
        scope.set(LogFields.date(step.getJobExecution().getJobParameters().getString(RunParameters.DATE)));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LogFields.Scope open = scope.get();
        if (open != null) {
            open.close();
            scope.remove();
        }
        return null;
    }
}
