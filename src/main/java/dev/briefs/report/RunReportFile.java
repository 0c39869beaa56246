package dev.briefs.report;

import dev.briefs.brief.AtomicFiles;
import dev.briefs.brief.BriefFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.json} in the day's output folder: the last run's report, replaced by each run.
 * Unlike the briefs it holds timings, so it is the one file of the folder that differs between
 * two runs of the same day.
 */
public final class RunReportFile {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RunReportFile() {}

    public static Path write(Path outputDir, RunReport report) throws IOException {
        Path file = outputDir.resolve(BriefFiles.REPORT);
        AtomicFiles.write(file, JSON.writeValueAsBytes(report));
        return file;
    }

    public static RunReport read(Path outputDir) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(outputDir.resolve(BriefFiles.REPORT)), RunReport.class);
        } catch (JacksonException e) {
            throw new IOException("cannot read " + outputDir.resolve(BriefFiles.REPORT) + ": " + e.getMessage(), e);
        }
    }
}
