package dev.briefs.model;

import dev.briefs.model.ModelStatus.State;
import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import dev.briefs.optimum.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The installed models under the models folder ({@code models/NAME/} with a {@code briefs-manifest.json}).
 * Offline: it never touches the network. This is what the job's preflight calls:
 * <pre>{@code
 * ModelStore store = new ModelStore(Path.of("models"), ModelCatalog.load(ModelCatalog.DEFAULT_PATH));
 * Path dir = store.require("opus-mt-en-uk", ModelStore.Check.QUICK); // or status(name).usable()
 * }</pre>
 */
public final class ModelStore {

    /** How hard {@link #status(String, Check)} looks. */
    public enum Check {
        /** Sizes only: instant, catches missing and truncated files. */
        QUICK,
        /** Sizes and SHA-256 of every file: reads every byte. */
        FULL
    }

    static final String PARTIAL_MARK = ".partial-";

    private final Path modelsDir;
    private final ModelCatalog catalog;

    public ModelStore(Path modelsDir, ModelCatalog catalog) {
        this.modelsDir = Objects.requireNonNull(modelsDir);
        this.catalog = catalog == null ? ModelCatalog.empty() : catalog;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** {@code models/NAME}. */
    public Path dir(String name) {
        return modelsDir.resolve(PathSafety.checkName(name));
    }

    /** Full check (hashes every file). */
    public ModelStatus status(String name) {
        return status(name, Check.FULL);
    }

    /** The variant whose ONNX files the manifest lists; the catalog's when it lists none. */
    private static Variant installedVariant(Manifest m, Variant catalogs) {
        for (Variant v : List.of(catalogs, Variant.FP32, Variant.QUANTIZED, Variant.Q4, Variant.FP16)) {
            if (m.files().stream().anyMatch(f -> v.matchesOnnx(f.path()))) {
                return v;
            }
        }
        return catalogs;
    }

    public ModelStatus status(String name, Check check) {
        PathSafety.checkName(name);
        Optional<CatalogEntry> entry = catalog.find(name);
        if (entry.isPresent() && entry.get().bundled()) {
            return new ModelStatus(name, State.BUNDLED, List.of(), List.of(), null, "");
        }
        Path dir = dir(name);
        if (!Files.isDirectory(dir)) {
            return new ModelStatus(
                    name,
                    State.NOT_INSTALLED,
                    List.of(),
                    List.of(),
                    null,
                    hasPartial(name) ? "a partial download is kept for resume" : "");
        }
        Manifest m;
        try {
            m = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        } catch (NoSuchFileException e) {
            return new ModelStatus(name, State.UNMANAGED, List.of(), List.of(), null, "no " + Manifest.FILE_NAME);
        } catch (IOException | ModelException e) {
            return new ModelStatus(
                    name, State.INCOMPLETE, List.of(), List.of(), null, "unreadable " + Manifest.FILE_NAME);
        }
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Manifest.FileEntry f : m.files()) {
            Path p = PathSafety.resolveInside(dir, f.path());
            try {
                if (!Files.isRegularFile(p)) {
                    missing.add(f.path());
                } else if (Files.size(p) != f.size()
                        || (check == Check.FULL && !sha256(p).equalsIgnoreCase(f.sha256()))) {
                    changed.add(f.path());
                }
            } catch (IOException e) {
                missing.add(f.path());
            }
        }
        if (entry.isPresent()) {
            // A model may be installed in another variant than the catalog's (models fetch --variant):
            // what must be there is the catalog's file set in the installed variant.
            Variant listed = entry.get().variant();
            Variant installed = installedVariant(m, listed);
            for (String listedFile : entry.get().files()) {
                String f = listed.convert(listedFile, installed);
                if (m.files().stream().noneMatch(x -> x.path().equals(f)) && !missing.contains(f)) {
                    missing.add(f);
                }
            }
        }
        if (!missing.isEmpty()) {
            return new ModelStatus(name, State.INCOMPLETE, changed, missing, m, "");
        }
        if (!changed.isEmpty()) {
            return new ModelStatus(name, State.CHANGED, changed, missing, m, "");
        }
        if (entry.isPresent() && entry.get().pinned() && !entry.get().revision().equalsIgnoreCase(m.commit())) {
            return new ModelStatus(
                    name,
                    State.OUTDATED,
                    changed,
                    missing,
                    m,
                    "installed " + m.commit() + ", catalog pins " + entry.get().revision());
        }
        return new ModelStatus(name, State.OK, changed, missing, m, "");
    }

    /**
     * The folder of a usable model, for the job. Throws a {@link ModelException} of kind USER whose
     * message ends with the fix command ({@link ModelMessages#fixCommand}).
     */
    public Path require(String name, Check check) {
        ModelStatus s = status(name, check);
        if (!s.usable()) {
            throw ModelException.user(ModelMessages.problem(s, modelsDir.toString()));
        }
        return dir(name);
    }

    /**
     * Preflight for several models at once: one message per model the job cannot use (each ending with
     * its fix command), empty when all are usable.
     */
    public List<String> problems(Collection<String> names, Check check) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String p = ModelMessages.problem(status(n, check), modelsDir.toString());
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Names of the folders under the models dir that hold a manifest, sorted. */
    public List<String> installedNames() {
        if (!Files.isDirectory(modelsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(modelsDir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE_NAME)))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The variants whose graphs the model's folder holds: for a catalog model, each ONNX file of its
     * catalog file set renamed to the variant; for another, any graph of the variant under {@code onnx/}.
     */
    public List<Variant> graphVariants(String name) {
        Path dir = dir(name);
        Optional<CatalogEntry> entry = catalog.find(name);
        List<String> listed = entry.map(
                        e -> e.files().stream().filter(e.variant()::matchesOnnx).toList())
                .orElse(List.of());
        List<Variant> out = new ArrayList<>();
        for (Variant v : Variant.values()) {
            boolean there = listed.isEmpty()
                    ? anyGraph(dir, v)
                    : listed.stream()
                            .allMatch(f -> Files.isRegularFile(
                                    dir.resolve(entry.get().variant().convert(f, v))));
            if (there) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean anyGraph(Path dir, Variant v) {
        if (!Files.isDirectory(dir.resolve("onnx"))) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir.resolve("onnx"))) {
            return s.anyMatch(p -> Files.isRegularFile(p) && v.matchesOnnx("onnx/" + p.getFileName()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Bytes under {@code models/NAME/}, 0 when absent. */
    public long sizeOnDisk(String name) {
        Path dir = dir(name);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether a {@code .NAME.partial-*} folder is waiting to be resumed. */
    public boolean hasPartial(String name) {
        return !partialDirs(name).isEmpty();
    }

    List<Path> partialDirs(String name) {
        if (!Files.isDirectory(modelsDir)) {
            return List.of();
        }
        String prefix = "." + name + PARTIAL_MARK;
        try (Stream<Path> s = Files.list(modelsDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code models/.NAME.partial-COMMIT12}: the same folder on every run, so downloads resume. */
    Path partialDir(String name, String commit) {
        return modelsDir.resolve("." + PathSafety.checkName(name) + PARTIAL_MARK + commit.substring(0, 12));
    }

    /** Lowercase hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = HubClient.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HubClient.hex(md.digest());
    }
}
