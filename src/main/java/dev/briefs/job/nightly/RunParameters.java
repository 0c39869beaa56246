package dev.briefs.job.nightly;

import dev.briefs.job.settings.JobSettings;
import java.time.Instant;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters a run of the nightly job (and of {@code rerun-failed}) carries. Named here, with the
 * steps that read them; the launcher sets them.
 */
public final class RunParameters {

    /** The day, ISO-8601 ({@code 2026-11-20}): what identifies the job instance. */
    public static final String DATE = "date";
    /** The input folder, absolute: a remote worker reads the partition's files under it. */
    public static final String INPUT = "input";
    /** The output folder, absolute. */
    public static final String OUTPUT = "output";
    /** The job file the run was started with, as given. */
    public static final String JOB_FILE = "jobFile";
    /** Set by {@code run --force}: the time it was asked, which makes the run a new job instance of the date. */
    public static final String FORCED = "forced";

    private RunParameters() {}

    /** A night's parameters: the date identifies it; a forced run is a new instance of the date. */
    public static JobParameters of(JobSettings settings, boolean force) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(DATE, settings.date().toString(), true)
                .addString(
                        INPUT,
                        settings.folders().input().toAbsolutePath().normalize().toString(),
                        false)
                .addString(
                        OUTPUT,
                        settings.folders().output().toAbsolutePath().normalize().toString(),
                        false)
                .addString(JOB_FILE, settings.jobFile().toString(), false);
        if (force) {
            builder.addString(FORCED, Instant.now().toString(), true);
        }
        return builder.toJobParameters();
    }
}
