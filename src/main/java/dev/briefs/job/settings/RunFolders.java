package dev.briefs.job.settings;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The day a run briefs and where: its input and output folders (the job file's templates with the date filled
 * in, or the command line's), and the data folder that holds the embedded job repository.
 */
public record RunFolders(LocalDate date, Path input, Path output, Path data) {

    static RunFolders resolve(JobFile file, LocalDate date, Path inputOverride, Path outputOverride, String where) {
        String day = date.toString();
        Path input = inputOverride != null
                ? inputOverride
                : SettingValues.path(SettingValues.require(file.input(), "input", where), day);
        Path output = outputOverride != null
                ? outputOverride
                : SettingValues.path(SettingValues.require(file.output(), "output", where), day);
        return new RunFolders(date, input, output, SettingValues.path(file.data() != null ? file.data() : "data", day));
    }

    /** The same day on other input and output folders: those a date's run record holds. */
    public RunFolders with(Path otherInput, Path otherOutput) {
        return new RunFolders(date, otherInput, otherOutput, data);
    }
}
