package dev.briefs.job;

import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.DayReport;
import dev.briefs.model.ModelLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Spring for one run of the nightly job and launches it. The job instance is identified by
 * its date, so running a date again restarts it where a crash or failure left it, and running a
 * date that completed does nothing unless forced.
 */
public final class NightlyRun {

    public enum Status { COMPLETED, ALREADY_COMPLETE, ALREADY_RUNNING, MODEL_BROKEN, FAILED }

    /**
     * @param report  the day as the output folder has it after the run (null when the job did not run)
     * @param failure why the job failed or was refused (null when it completed)
     */
    public record Outcome(Status status, DayReport report, String failure, Throwable cause) {

        Outcome(Status status, DayReport report, String failure) {
            this(status, report, failure, null);
        }
    }

    private NightlyRun() {
    }

    public static Outcome run(JobSettings settings, boolean force, RunProgress progress) {
        try (ConfigurableApplicationContext context = start(settings, progress)) {
            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean("nightlyBriefs", Job.class);
            JobExecution execution;
            try {
                execution = operator.start(job, parameters(settings, force));
            } catch (JobInstanceAlreadyCompleteException e) {
                return new Outcome(Status.ALREADY_COMPLETE, report(settings), null);
            } catch (JobExecutionAlreadyRunningException e) {
                return new Outcome(Status.ALREADY_RUNNING, null, "a run for " + settings.date() + " is already in progress");
            }
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                String why = execution.getAllFailureExceptions().stream()
                        .map(t -> rootMessage(t))
                        .findFirst().orElse(execution.getExitStatus().getExitDescription());
                return new Outcome(Status.FAILED, report(settings), why);
            }
            return new Outcome(Status.COMPLETED, report(settings), null);
        } catch (Exception e) {
            ModelLoadException broken = find(e, ModelLoadException.class);
            if (broken != null) {
                return new Outcome(Status.MODEL_BROKEN, null, broken.getMessage(), e);
            }
            return new Outcome(Status.FAILED, null, rootMessage(e), e);
        }
    }

    static JobParameters parameters(JobSettings settings, boolean force) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("date", settings.date().toString(), true)
                .addString("input", settings.input().toAbsolutePath().toString(), false)
                .addString("output", settings.output().toAbsolutePath().toString(), false)
                .addString("jobFile", settings.jobFile().toString(), false);
        if (force) {
            builder.addString("forced", Instant.now().toString(), true);
        }
        return builder.toJobParameters();
    }

    private static ConfigurableApplicationContext start(JobSettings settings, RunProgress progress) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Job state lives in a file database beside the data, so a restart after a crash finds it.
        // SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) in the environment point it at PostgreSQL instead.
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + settings.data().toAbsolutePath().resolve("jobs"));
        defaults.put("spring.datasource.username", "sa");
        defaults.put("spring.batch.jdbc.initialize-schema", "always");
        defaults.put("spring.batch.job.enabled", "false");
        defaults.put("spring.main.log-startup-info", "false");
        return new SpringApplicationBuilder(BriefsApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(defaults)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("jobSettings", settings);
                    ctx.getBeanFactory().registerSingleton("runProgress", progress);
                })
                .run();
    }

    private static DayReport report(JobSettings settings) {
        try {
            return DayReport.of(BriefFiles.readAll(settings.output()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == t ? message : t.getMessage() + " (" + message + ")";
    }
}
