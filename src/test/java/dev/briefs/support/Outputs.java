package dev.briefs.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.AtomicFiles;
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

    /**
     * What a night that failed may leave in its output folder: whole briefs only. No partial, empty or temporary
     * file, and no day's file ({@code briefs.jsonl}, digest, feed) before the day is done.
     */
    public static void assertOnlyWholeBriefs(Path dir) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.toList())
                    .as("no partial or empty file is left, and no day's file before its day is done")
                    .allSatisfy(f -> {
                        assertThat(f.getFileName().toString())
                                .doesNotStartWith(AtomicFiles.TEMP_PREFIX)
                                .isNotIn("briefs.jsonl", "digest.md", "digest.html", "briefs.atom");
                        assertThat(Files.size(f)).isPositive();
                    });
        }
    }

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
