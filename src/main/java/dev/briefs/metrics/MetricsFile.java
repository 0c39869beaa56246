package dev.briefs.metrics;

import dev.briefs.brief.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run writes its meters' values when it ends ({@code --metrics-file}), for a cron wrapper
 * or node_exporter's textfile collector to pick up: Prometheus' text format for a name ending in
 * {@code .prom}, JSON otherwise. Written atomically, so a collector never reads half a file.
 */
public record MetricsFile(Path path, Format format) {

    public enum Format {
        PROMETHEUS,
        JSON
    }

    public static MetricsFile of(Path path) {
        String name =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return new MetricsFile(path, name.endsWith(".prom") ? Format.PROMETHEUS : Format.JSON);
    }

    /**
     * Why the file cannot be written, where that can be told before the run: its folder is missing
     * or not writable, or the name is a folder. Empty when it looks writable.
     */
    public Optional<String> problem() {
        Path absolute = path.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || Files.isDirectory(absolute)) {
            return Optional.of("--metrics-file " + path + " is a folder; name a file in it, such as "
                    + absolute.resolve("briefs.prom"));
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of("--metrics-file " + path + ": the folder " + dir + " does not exist; create it or "
                    + "name a file in an existing folder");
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("--metrics-file " + path + ": the folder " + dir + " is not writable by this user");
        }
        return Optional.empty();
    }

    /**
     * Replaces the file with the meters' current values. Readable by all (rw-r--r--): the collector
     * that reads it usually runs as a user of its own.
     *
     * @throws IOException naming the file and the reason
     */
    public void write(JobMeters meters) throws IOException {
        byte[] content = switch (format) {
            case PROMETHEUS -> meters.prometheusText().getBytes(StandardCharsets.UTF_8);
            case JSON -> MeterJson.write(meters.meters());
        };
        AtomicFiles.write(path, content, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
