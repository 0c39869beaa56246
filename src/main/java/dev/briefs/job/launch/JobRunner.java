package dev.briefs.job.launch;

import dev.briefs.brief.DayReport;
import dev.briefs.job.locks.RunLock;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunParameters;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.rerun.RerunJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.log.LogFields;
import dev.briefs.metrics.JobMeters;
import dev.briefs.metrics.MetricsFile;
import dev.briefs.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Spring for one command and launches a job. The nightly job's instance is identified by
 * its date, so running a date again restarts it where a crash or failure left it, and running a
 * date that completed does nothing unless forced. Each rerun of failed work is a new instance.
 */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    public enum Status {
        COMPLETED,
        ALREADY_COMPLETE,
        ALREADY_RUNNING,
        FOLDERS_DIFFER,
        MODEL_BROKEN,
        FAILED,
        /** Stopped by SIGTERM or SIGINT after its last committed chunk (see {@link GracefulStop}). */
        STOPPED
    }

    /**
     * @param report         the day as the output folder has it after the run (null when the job did not run)
     * @param failure        why the job failed or was refused (null when it completed)
     * @param cause          the exception behind a failure, for debugging
     * @param run            this run's report, as written to {@code report.json} (null when the job did not run)
     * @param metricsFailure why the metrics file asked for could not be written (null when it was, or none was asked for)
     * @param signal         the number of the signal that stopped the run ({@link Status#STOPPED}: 15 for SIGTERM), else 0
     */
    public record Outcome(
            Status status,
            DayReport report,
            String failure,
            Throwable cause,
            RunReport run,
            String metricsFailure,
            int signal) {

        Outcome(Status status, DayReport report, String failure) {
            this(status, report, failure, null, null, null, 0);
        }

        Outcome(Status status, DayReport report, String failure, Throwable cause) {
            this(status, report, failure, cause, null, null, 0);
        }

        Outcome(Status status, DayReport report, String failure, Throwable cause, RunReport run) {
            this(status, report, failure, cause, run, null, 0);
        }

        Outcome withMetricsFailure(String why) {
            return new Outcome(status, report, failure, cause, run, why, signal);
        }
    }

    private JobRunner() {}

    /**
     * @param extras initializers for the application context; tests use them to add beans such as
     *               a {@link dev.briefs.inference.ModelDecorator}
     */
    @SafeVarargs
    public static Outcome runNightly(
            JobSettings settings,
            boolean force,
            RunProgress progress,
            ApplicationContextInitializer<ConfigurableApplicationContext>... extras) {
        return runNightly(settings, force, progress, null, extras);
    }

    /** @param metrics where to write the run's meters when it ends, also when it failed; null for nowhere */
    @SafeVarargs
    public static Outcome runNightly(
            JobSettings settings,
            boolean force,
            RunProgress progress,
            MetricsFile metrics,
            ApplicationContextInitializer<ConfigurableApplicationContext>... extras) {
        return launch(
                settings,
                progress,
                NightlyJobConfiguration.JOB_NAME,
                "nightlyBriefs",
                RunParameters.of(settings, force),
                metrics,
                List.of(extras));
    }

    @SafeVarargs
    public static Outcome rerunFailed(
            JobSettings settings,
            RunProgress progress,
            ApplicationContextInitializer<ConfigurableApplicationContext>... extras) {
        return rerunFailed(settings, progress, null, extras);
    }

    /** @param metrics where to write the run's meters when it ends, also when it failed; null for nowhere */
    @SafeVarargs
    public static Outcome rerunFailed(
            JobSettings settings,
            RunProgress progress,
            MetricsFile metrics,
            ApplicationContextInitializer<ConfigurableApplicationContext>... extras) {
        JobParameters parameters = new JobParametersBuilder(RunParameters.of(settings, false))
                .addString("rerun", Instant.now().toString(), true)
                .toJobParameters();
        return launch(
                settings,
                progress,
                RerunJobConfiguration.JOB_NAME,
                "rerunFailed",
                parameters,
                metrics,
                List.of(extras));
    }

    /** Runs a read-only question against the job's context (the job repository, the ledger). */
    public static <T> T inspect(JobSettings settings, Function<ConfigurableApplicationContext, T> question) {
        // Lazy beans: a question about the database must not load the models.
        try (ConfigurableApplicationContext context =
                JobContexts.start(settings, JobContexts.Role.LOCAL, RunProgress.NONE, List.of(), true)) {
            return question.apply(context);
        } catch (RuntimeException e) {
            throw JobContexts.explained(e, settings);
        }
    }

    /**
     * The settings to run a command of a date with: the folders of the date's run record where the
     * command line named none (see {@link RunRecord#apply}). While another process holds an embedded
     * database the record cannot be read; the settings are returned as they are, and the launch refuses.
     */
    public static JobSettings withRunRecord(
            JobSettings settings, boolean inputGiven, boolean outputGiven, String command, String forceHint) {
        Function<ConfigurableApplicationContext, Optional<RunRecord>> latest =
                context -> RunRecord.latest(context, settings.date());
        Optional<RunRecord> record;
        if (settings.repository().postgres()) {
            // A shared database serves readers while a run holds the date's lock: status works during a run.
            record = inspect(settings, latest);
        } else {
            // The embedded database is one process's at a time.
            try (RunLock lock = RunLock.tryAcquire(settings, "reading the run record of " + settings.date())) {
                if (lock == null) {
                    return settings;
                }
                record = inspect(settings, latest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return record.map(r -> r.apply(settings, inputGiven, outputGiven, command, forceHint))
                .orElse(settings);
    }

    private static Outcome launch(
            JobSettings settings,
            RunProgress progress,
            String jobName,
            String jobBean,
            JobParameters parameters,
            MetricsFile metrics,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> extras) {
        try (LogFields.Scope day = LogFields.date(settings.date().toString())) {
            LOG.info(
                    "{} started: articles from {}, briefs to {}",
                    jobName,
                    settings.folders().input(),
                    settings.folders().output());
            Outcome outcome = launchLocked(settings, progress, jobName, jobBean, parameters, metrics, extras);
            if (outcome.status() == Status.COMPLETED || outcome.status() == Status.ALREADY_COMPLETE) {
                LOG.info(
                        "{} ended: {}",
                        jobName,
                        outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            } else {
                LOG.warn(
                        "{} ended: {}: {}",
                        jobName,
                        outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        outcome.failure());
            }
            return outcome;
        }
    }

    private static Outcome launchLocked(
            JobSettings settings,
            RunProgress progress,
            String jobName,
            String jobBean,
            JobParameters parameters,
            MetricsFile metrics,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> extras) {
        try (RunLock lock = RunLock.tryAcquire(settings, jobName + " " + settings.date())) {
            if (lock == null) {
                return new Outcome(
                        Status.ALREADY_RUNNING,
                        null,
                        "another briefs process is running " + settings.date() + ": " + RunLock.holder(settings));
            }
            // Installed first, closed last: a signal while the context starts or closes must not close it under us.
            try (GracefulStop stop = GracefulStop.install();
                    ConfigurableApplicationContext context =
                            JobContexts.start(settings, JobContexts.Role.of(settings), progress, extras, false)) {
                Outcome outcome;
                try {
                    outcome = DateRun.run(context, settings, jobName, jobBean, parameters, stop);
                } catch (Exception e) {
                    outcome = DateRun.failed(e, settings);
                }
                // Also, and above all, when the run failed: that is when a cron wrapper wants the numbers.
                // A run refused (another holds the date, other folders) leaves the file to the run that has it.
                boolean refused =
                        outcome.status() == Status.ALREADY_RUNNING || outcome.status() == Status.FOLDERS_DIFFER;
                return metrics == null || refused
                        ? outcome
                        : outcome.withMetricsFailure(writeMetrics(context, metrics));
            }
        } catch (Exception e) {
            return DateRun.failed(e, settings);
        }
    }

    /** @return why the file could not be written, or null when it was */
    private static String writeMetrics(ConfigurableApplicationContext context, MetricsFile metrics) {
        try {
            metrics.write(context.getBean(JobMeters.class));
            return null;
        } catch (IOException | RuntimeException e) {
            return "the metrics file was not written: " + e.getMessage();
        }
    }
}
