package dev.briefs.job.launch;

import dev.briefs.brief.AtomicFiles;
import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.DayReport;
import dev.briefs.cache.OutputCache;
import dev.briefs.failure.Causes;
import dev.briefs.failure.FailureText;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.job.launch.JobRunner.Outcome;
import dev.briefs.job.launch.JobRunner.Status;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunParameters;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One launch of a job for a date, inside its started context and under the date's lock: recover what a
 * crash left running, refuse other folders, go on with the date's newest instance, run the job, and turn its
 * end into the {@link Outcome} the command line reports.
 */
final class DateRun {

    private static final Logger LOG = LoggerFactory.getLogger(DateRun.class);

    private DateRun() {}

    static Outcome failed(Exception e, JobSettings settings) {
        ModelLoadException broken = Causes.find(e, ModelLoadException.class);
        if (broken != null) {
            return new Outcome(Status.MODEL_BROKEN, null, broken.getMessage(), e);
        }
        Optional<String> repository = repositoryFailure(List.of(e), settings);
        if (repository.isPresent()) {
            return new Outcome(Status.FAILED, null, repository.get(), e);
        }
        return new Outcome(Status.FAILED, null, rootMessage(e), e);
    }

    /** The operator's line for a failure of the job repository's database among {@code failures}, if any. */
    private static Optional<String> repositoryFailure(List<Throwable> failures, JobSettings settings) {
        return FailureText.repository(
                failures, settings.repository(), settings.repository().h2File().orElse(null));
    }

    /**
     * The job repository's database gone mid-run (a restart, a failover) fails every step alike and
     * whatever else the run's end touches in it; its failures name the database rather than one of them.
     */
    private static Optional<String> databaseGone(JobExecution execution, JobSettings settings) {
        return repositoryFailure(
                Stream.concat(
                                execution.getFailureExceptions().stream(),
                                execution.getStepExecutions().stream()
                                        .flatMap(step -> step.getFailureExceptions().stream()))
                        .toList(),
                settings);
    }

    static Outcome run(
            ConfigurableApplicationContext context,
            JobSettings settings,
            String jobName,
            String jobBean,
            JobParameters parameters,
            GracefulStop stop)
            throws Exception {
        JobOperator operator = context.getBean(JobOperator.class);
        JobRepository repository = context.getBean(JobRepository.class);
        Optional<String> busy =
                InterruptedRuns.recover(DateExecutions.in(context), operator, repository, jobName, settings);
        if (busy.isPresent()) {
            return new Outcome(Status.ALREADY_RUNNING, null, busy.get());
        }
        // A run killed while writing leaves its temporary files; no one else writes the date's
        // briefs while we hold its lock and no worker holds one of its partitions.
        AtomicFiles.removeLeftovers(settings.folders().output());
        // Outputs past cache.max-age-days are never used: deleted once a run, under the date's lock, the table keeps
        // only the last days' outputs. Not as every context starts: status only reads, and a worker is not a run.
        OutputCache cache = context.getBean(OutputCache.class);
        if (cache.enabled()) {
            cache.prune();
        }
        // Checked again under the lock: another process may have run the date since the record was read.
        Optional<RunRecord> record = RunRecord.latest(context, settings.date());
        if (parameters.getString(RunParameters.FORCED) == null
                && record.isPresent()
                && !record.get().sameFolders(parameters)) {
            return new Outcome(
                    Status.FOLDERS_DIFFER,
                    null,
                    settings.date() + " was run with " + record.get()
                            + "; run it again with those folders, or with --force to start a new run with others");
        }
        if (jobName.equals(NightlyJobConfiguration.JOB_NAME) && record.isPresent()) {
            parameters = record.get().resume(parameters);
        }
        Job job = context.getBean(jobBean, Job.class);
        if (job instanceof AbstractJob stoppable) {
            stoppable.registerJobExecutionListener(stop.listener(operator, repository));
        }
        JobExecution execution;
        long start = System.nanoTime();
        try {
            execution = operator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new Outcome(Status.ALREADY_COMPLETE, report(settings), null);
        } catch (JobExecutionAlreadyRunningException e) {
            return new Outcome(
                    Status.ALREADY_RUNNING, null, "a run for " + settings.date() + " is already in progress");
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<String> databaseGone = databaseGone(execution, settings);
            if (databaseGone.isPresent()) {
                // The run's report reads the repository: it would only wait for the database again.
                return new Outcome(Status.FAILED, reportIfReadable(settings), databaseGone.get());
            }
        }
        RunReport run =
                RunReports.write(context, settings, jobName, Duration.ofNanos(System.nanoTime() - start), execution);
        if (execution.getStatus() == BatchStatus.STOPPED && stop.signal() != null) {
            return new Outcome(
                    Status.STOPPED,
                    reportIfReadable(settings),
                    "stopped by SIG" + stop.signal() + " after the last committed chunk",
                    null,
                    run,
                    null,
                    stop.signalNumber());
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = PartitionFailures.firstCause(execution, repository.getJobExecution(execution.getId()))
                    .or(() -> execution.getAllFailureExceptions().stream()
                            .map(FailureText::of)
                            .findFirst())
                    .orElse(execution.getExitStatus().getExitDescription());
            recordCause(repository, execution, why);
            // The failure may be that the output cannot be read: the report must not hide why.
            return new Outcome(Status.FAILED, reportIfReadable(settings), why, null, run);
        }
        return new Outcome(Status.COMPLETED, report(settings), null, null, run);
    }

    /**
     * Puts the cause first in the failed execution's exit description, where {@code status} reads it the morning
     * after: Spring Batch's own first line for a partitioned step names none ("Partition handler returned an
     * unsuccessful step"), and a partition's stack trace is cut at the column's length before its cause.
     */
    private static void recordCause(JobRepository repository, JobExecution execution, String why) {
        ExitStatus exit = execution.getExitStatus();
        if (why == null || why.isBlank() || exit.getExitDescription().startsWith(why)) {
            return;
        }
        execution.setExitStatus(new ExitStatus(exit.getExitCode(), why + "\n\n" + exit.getExitDescription()));
        try {
            repository.update(execution);
        } catch (RuntimeException e) {
            // The night has failed and says why on the command line; only the record of its cause is lost.
            LOG.warn("the cause of the failed run was not recorded in the job repository: {}", rootMessage(e));
        }
    }

    private static DayReport reportIfReadable(JobSettings settings) {
        try {
            return report(settings);
        } catch (UncheckedIOException e) {
            // Only the failure is told then; the briefs that could be read are still on disk.
            return null;
        }
    }

    private static DayReport report(JobSettings settings) {
        try {
            return DayReport.of(BriefFiles.readAll(settings.folders().output()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = Causes.root(t);
        String message =
                root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == t ? message : t.getMessage() + " (" + message + ")";
    }
}
