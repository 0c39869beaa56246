package dev.briefs.job.launch;

import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunParameters;
import dev.briefs.job.settings.JobSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ApplicationContext;

/**
 * The folders and job file a date was last run with, as its nightly execution's parameters hold
 * them. A restart, {@code rerun-failed} and {@code status} must work on the same folders as the
 * run they follow: reading another input folder would record every article as unreadable, and
 * writing another output folder would scatter one day over two places.
 */
public record RunRecord(Path input, Path output, String jobFile, long executionId, String forcedAt) {

    /** The newest nightly execution of the date, forced runs included; empty when the date never ran. */
    public static Optional<RunRecord> latest(ApplicationContext context, LocalDate date) {
        return DateExecutions.in(context)
                .newest(date, NightlyJobConfiguration.JOB_NAME)
                .flatMap(RunRecord::of);
    }

    private static Optional<RunRecord> of(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        if (p.getString(RunParameters.INPUT) == null || p.getString(RunParameters.OUTPUT) == null) {
            return Optional.empty();
        }
        return Optional.of(new RunRecord(
                Path.of(p.getString(RunParameters.INPUT)),
                Path.of(p.getString(RunParameters.OUTPUT)),
                p.getString(RunParameters.JOB_FILE),
                execution.getId(),
                p.getString(RunParameters.FORCED)));
    }

    /**
     * The settings a command on this date works with: the recorded folders where the command line
     * named none, the given ones where they equal the record.
     *
     * @param inputGiven  whether {@code --input} was on the command line
     * @param outputGiven whether {@code --output} was on the command line
     * @param command     how to name the command in a refusal, e.g. {@code rerun-failed}
     * @param forceHint   what the user can add to start anew with other folders, or null if nothing
     * @throws FoldersDifferException when a folder given differs from the record
     */
    public JobSettings apply(
            JobSettings settings, boolean inputGiven, boolean outputGiven, String command, String forceHint) {
        Path in = settings.folders().input().toAbsolutePath().normalize();
        Path out = settings.folders().output().toAbsolutePath().normalize();
        StringBuilder differs = new StringBuilder();
        if (inputGiven && !in.equals(input.normalize())) {
            differs.append(" --input ").append(in);
        }
        if (outputGiven && !out.equals(output.normalize())) {
            differs.append(" --output ").append(out);
        }
        if (!differs.isEmpty()) {
            throw new FoldersDifferException(settings.date() + " was run with --input " + input + " --output " + output
                    + "; " + command + " was given" + differs
                    + ". Leave out --input and --output to use the run's folders"
                    + (forceHint == null ? "" : ", or " + forceHint));
        }
        return settings.withFolders(input, output);
    }

    /**
     * The parameters with which a plain {@code run} goes on with the date: those of the newest instance. A forced
     * run that failed or was killed is that instance, so it is the one resumed, not the completed instance before
     * it (which would answer that the day is done while the forced run left it half written); a forced run that
     * completed answers that the day is done.
     */
    public JobParameters resume(JobParameters plain) {
        if (forcedAt == null || plain.getString(RunParameters.FORCED) != null) {
            return plain;
        }
        return new JobParametersBuilder(plain)
                .addString(RunParameters.FORCED, forcedAt, true)
                .toJobParameters();
    }

    /** Whether a run's parameters name the same folders as this record. */
    boolean sameFolders(JobParameters parameters) {
        return Objects.equals(Path.of(parameters.getString(RunParameters.INPUT)).normalize(), input.normalize())
                && Objects.equals(
                        Path.of(parameters.getString(RunParameters.OUTPUT)).normalize(), output.normalize());
    }

    @Override
    public String toString() {
        return "input " + input + ", output " + output + (jobFile == null ? "" : ", job file " + jobFile)
                + (forcedAt == null ? "" : ", forced at " + forcedAt);
    }

    /** A command named folders other than the ones its date was run with. */
    public static final class FoldersDifferException extends RuntimeException {
        public FoldersDifferException(String message) {
            super(message);
        }
    }
}
