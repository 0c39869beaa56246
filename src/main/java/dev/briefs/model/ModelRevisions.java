package dev.briefs.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which revision of each installed model this process uses, as the install manifest records it
 * (the hub commit its files came from). Read once per model: the files are verified at start-up
 * and do not change during a run.
 */
public final class ModelRevisions implements Function<String, String> {

    /** The revision of a model folder placed by hand, without a manifest. */
    public static final String UNVERIFIED = "unverified";

    private final Path modelsDir;
    private final Map<String, String> byName = new ConcurrentHashMap<>();

    public ModelRevisions(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    /** @return the commit, {@link #UNVERIFIED}, or null for a name that is not an installed model */
    @Override
    public String apply(String model) {
        if (!model.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return null; // the bundled extractive summariser, e.g. "extractive:all-minilm-l6-v2"
        }
        return byName.computeIfAbsent(model, this::read);
    }

    private String read(String model) {
        Path folder = modelsDir.resolve(model);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        Path manifest = folder.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return UNVERIFIED;
        }
        try {
            String commit = Manifest.read(manifest).commit();
            return commit != null ? commit : UNVERIFIED;
        } catch (IOException e) {
            return UNVERIFIED;
        }
    }

    /**
     * A fingerprint of an installed model's files, for keys of outputs that must change when the
     * files do. With a manifest, its hash: the manifest names the commit and every file's SHA-256,
     * and the preflight refuses files that differ from it. A folder placed by hand has none: its
     * files' names, sizes and modification times stand in, which change when a file is replaced.
     *
     * @return null for a name that is not an installed model
     */
    public String filesFingerprint(String model) {
        if (apply(model) == null) {
            return null;
        }
        Path folder = modelsDir.resolve(model);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path manifest = folder.resolve(Manifest.FILE_NAME);
            if (Files.isRegularFile(manifest)) {
                sha.update(Files.readAllBytes(manifest));
                return "manifest:" + HexFormat.of().formatHex(sha.digest());
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String line = folder.relativize(file) + "\u0000" + Files.size(file) + "\u0000"
                            + Files.getLastModifiedTime(file).toMillis() + "\n";
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                }
            }
            return "files:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return null; // unreadable: nothing is cached for it, and loading it says why
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
