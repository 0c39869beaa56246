package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code models/NAME/briefs-manifest.json}: what was installed, from where, and the hash of every file.
 *
 * @param format    manifest format version, 1
 * @param name      local model name
 * @param repo      hub repo id
 * @param revision  the revision asked for (branch, tag or commit)
 * @param commit    the 40-hex commit it resolved to
 * @param endpointHost host[:port] of the hub it came from (never a token, never user info)
 * @param variant   ONNX variant
 * @param fetchedAt ISO-8601 instant
 * @param files     every installed file
 */
public record Manifest(
        int format,
        String name,
        String repo,
        String revision,
        String commit,
        String endpointHost,
        String variant,
        String fetchedAt,
        List<FileEntry> files) {

    public static final String FILE_NAME = "briefs-manifest.json";
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One installed file: repo-relative path, size in bytes, lowercase hex SHA-256. */
    public record FileEntry(String path, long size, String sha256) {}

    public Manifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public long totalSize() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(this));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a manifest; a missing file gives {@link NoSuchFileException}, a broken one a {@link ModelException}. */
    public static Manifest read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Manifest m;
        try {
            m = JSON.readValue(bytes, Manifest.class);
        } catch (JacksonException e) {
            throw ModelException.user(file + " is not a valid manifest: " + e.getOriginalMessage());
        }
        if (m.format() != FORMAT || m.name() == null || m.files().isEmpty()) {
            throw ModelException.user(file + " is not a valid manifest (format " + m.format() + ", "
                    + m.files().size() + " files)");
        }
        for (FileEntry f : m.files()) {
            PathSafety.checkRepoFile(f.path());
        }
        return m;
    }
}
