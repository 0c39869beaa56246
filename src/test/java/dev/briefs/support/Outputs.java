package dev.briefs.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A day's output folder as file name → content, to compare runs byte for byte. */
public final class Outputs {

    private Outputs() {
    }

    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                files.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
