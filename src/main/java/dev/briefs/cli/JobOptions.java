package dev.briefs.cli;

import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunRecord;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command on a day's job shares: job file, date, and folder overrides. */
final class JobOptions {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "JOB_FILE",
            defaultValue = "jobs/nightly.yaml",
            description = "Job file (default: ${DEFAULT-VALUE}).")
    Path jobFile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: today).")
    String date;

    @Option(names = "--input", paramLabel = "DIR", description = "Input folder, instead of the job file's.")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder, instead of the job file's.")
    Path output;

    JobSettings settings() {
        return JobSettings.resolve(jobFile, JobFiles.read(jobFile), parseDate(date), input, output);
    }

    /**
     * The settings on the folders the date was run with, as its run record holds them; folders
     * given that differ from the record are a usage error that names both.
     *
     * @param forceHint how to start anew with other folders, or null where the command cannot
     */
    JobSettings recordedSettings(String command, String forceHint) {
        try {
            return JobRunner.withRunRecord(settings(), input != null, output != null, command, forceHint);
        } catch (RunRecord.FoldersDifferException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static LocalDate parseDate(String date) {
        if (date == null) {
            return LocalDate.now(ZoneId.systemDefault());
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date '" + date + "' is not a date; write it as YYYY-MM-DD");
        }
    }
}
