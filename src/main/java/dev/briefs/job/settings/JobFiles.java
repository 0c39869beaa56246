package dev.briefs.job.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads job files, turning every YAML or type mistake into one line that names file, line and setting. */
public final class JobFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JobFiles() {}

    public static JobFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new JobFileException(
                    "job file " + path + " does not exist; give the path of a job file such as jobs/nightly.yaml");
        } catch (IOException e) {
            throw new JobFileException("cannot read job file " + path + ": " + e.getMessage());
        }
        try {
            JobFile file = YAML.readValue(bytes, JobFile.class);
            if (file == null) {
                throw new JobFileException(path + ": the job file is empty");
            }
            return file;
        } catch (UnrecognizedPropertyException e) {
            throw new JobFileException(path + ": unknown setting '" + e.getPropertyName() + "'" + line(e)
                    + "; see docs/job-file.md for the settings");
        } catch (JacksonException e) {
            throw new JobFileException(path + ": " + setting(e) + e.getOriginalMessage() + line(e));
        }
    }

    /** The setting a value of the wrong type was given for, as docs/job-file.md writes it ({@code checks.round-trip: }). */
    private static String setting(JacksonException e) {
        StringBuilder name = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                name.append('[').append(r.getIndex()).append(']');
            }
        }
        return name.isEmpty() ? "" : name + ": ";
    }

    private static String line(JacksonException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? " (line " + e.getLocation().getLineNr() + ")"
                : "";
    }
}
