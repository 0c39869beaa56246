package dev.briefs.support;

import dev.briefs.brief.BriefFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A day's output folder as file name → content, to compare runs byte for byte. {@code report.json}
 * is left out on purpose: it holds the run's timings and rate, which differ on every run; every
 * other file of the folder must come out the same.
 */
public final class Outputs {

    private Outputs() {}

    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                if (p.getFileName().toString().equals(BriefFiles.REPORT)) {
                    continue;
                }
                files.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
