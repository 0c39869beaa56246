package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import dev.briefs.optimum.UnknownVariantException;
import dev.briefs.optimum.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The models the application knows, read from {@code models/catalog.yaml}. See {@code models/README.md}
 * for the format.
 */
public final class ModelCatalog {

    public static final Path DEFAULT_PATH = Path.of("models", "catalog.yaml");

    private static final Set<String> ENTRY_KEYS = Set.of(
            "name",
            "repo",
            "revision",
            "task",
            "languages",
            "variant",
            "files",
            "optional",
            "installed",
            "description",
            "approx_size_mb",
            "sizes",
            "sha256");

    private final Map<String, CatalogEntry> entries;
    private final Path source;

    public ModelCatalog(List<CatalogEntry> entries, Path source) {
        Map<String, CatalogEntry> map = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            if (map.put(e.name(), e) != null) {
                throw ModelException.user(where(source) + "model '" + e.name() + "' appears twice");
            }
        }
        this.entries = map;
        this.source = source;
    }

    public static ModelCatalog empty() {
        return new ModelCatalog(List.of(), null);
    }

    public static ModelCatalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file);
        } catch (NoSuchFileException e) {
            throw ModelException.user(
                    "catalog not found: " + file + " (run from the project folder or pass --catalog FILE)");
        } catch (IOException e) {
            throw ModelException.user("cannot read catalog " + file + ": " + e.getMessage());
        }
    }

    public static ModelCatalog parse(InputStream in, Path source) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(in);
        } catch (JacksonException e) {
            throw ModelException.user(where(source) + "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw ModelException.user(where(source) + "expected a mapping with 'models:'");
        }
        JsonNode defaults = root.get("defaults");
        String defRevision = text(defaults, "revision", "main");
        // The variant entries fetch when they name none; without it, the one every command loads by default.
        String defVariant = text(defaults, "variant", Variant.DEFAULT.id());
        JsonNode models = root.get("models");
        if (models == null || !models.isArray()) {
            throw ModelException.user(where(source) + "expected a list under 'models:'");
        }
        List<CatalogEntry> list = new ArrayList<>();
        int i = 0;
        for (JsonNode m : models) {
            i++;
            list.add(entry(m, i, defRevision, defVariant, source));
        }
        return new ModelCatalog(list, source);
    }

    private static CatalogEntry entry(JsonNode m, int index, String defRevision, String defVariant, Path source) {
        String at = where(source) + "models[" + index + "]";
        if (!m.isObject()) {
            throw ModelException.user(at + ": expected a mapping");
        }
        String name = text(m, "name", null);
        if (name == null) {
            throw ModelException.user(at + ": missing 'name'");
        }
        at = where(source) + "model '" + name + "'";
        for (Map.Entry<String, JsonNode> p : m.properties()) {
            if (!ENTRY_KEYS.contains(p.getKey())) {
                throw ModelException.user(at + ": unknown key '" + p.getKey() + "' (known: " + ENTRY_KEYS + ")");
            }
        }
        try {
            PathSafety.checkName(name);
            String repo = text(m, "repo", null);
            if (repo == null) {
                throw ModelException.user("missing 'repo'");
            }
            PathSafety.checkRepoId(repo);
            String revision = PathSafety.checkRevision(text(m, "revision", defRevision));
            String taskText = text(m, "task", null);
            if (taskText == null) {
                throw ModelException.user("missing 'task'");
            }
            Task task = Task.parse(taskText);
            Variant variant = Variant.parse(text(m, "variant", defVariant));
            JsonNode langs = m.get("languages");
            List<String> src = new ArrayList<>();
            List<String> tgt = new ArrayList<>();
            if (langs != null && langs.isObject()) {
                src.addAll(strings(langs.get("source"), "languages.source"));
                tgt.addAll(strings(langs.get("target"), "languages.target"));
            } else if (langs != null && !langs.isNull()) {
                src.addAll(strings(langs, "languages"));
            }
            if (src.isEmpty()) {
                throw ModelException.user("missing 'languages' (source/target)");
            }
            if (tgt.isEmpty()) {
                tgt.addAll(src);
            }
            String installed = text(m, "installed", "fetch").toLowerCase(Locale.ROOT);
            if (!installed.equals("fetch") && !installed.equals("bundled")) {
                throw ModelException.user("'installed' must be fetch or bundled, not '" + installed + "'");
            }
            boolean bundled = installed.equals("bundled");
            List<String> files = new ArrayList<>(strings(m.get("files"), "files"));
            if (files.isEmpty() && !bundled) {
                if (task == Task.EMBEDDING) {
                    throw ModelException.user("'files' is required for an embedding model");
                }
                files.addAll(VariantFiles.seq2seq(variant));
            }
            for (String f : files) {
                PathSafety.checkRepoFile(f);
            }
            JsonNode opt = m.get("optional");
            if (opt != null && !opt.isBoolean()) {
                throw ModelException.user("'optional' must be true or false");
            }
            boolean optional = opt != null && opt.booleanValue();
            long approx;
            try {
                approx = Long.parseLong(text(m, "approx_size_mb", "-1"));
            } catch (NumberFormatException e) {
                throw ModelException.user("'approx_size_mb' must be a whole number");
            }
            Map<String, ExpectedSize> sizes = PinnedSizes.parse(m.get("sizes"), revision, files, variant);
            Map<String, String> sha256 = PinnedHashes.parse(m.get("sha256"), revision, files, variant);
            return new CatalogEntry(
                    name,
                    repo,
                    revision,
                    task,
                    src,
                    tgt,
                    variant,
                    files,
                    optional,
                    bundled,
                    text(m, "description", ""),
                    approx,
                    sizes,
                    sha256);
        } catch (ModelException | UnknownVariantException e) {
            throw ModelException.user(at + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String key, String def) {
        if (node == null) {
            return def;
        }
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isValueNode()) {
            throw ModelException.user("'" + key + "' must be a plain value");
        }
        return v.asString().trim();
    }

    private static List<String> strings(JsonNode v, String key) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asString().trim());
            return out;
        }
        if (!v.isArray()) {
            throw ModelException.user("'" + key + "' must be a list");
        }
        for (JsonNode x : v) {
            if (!x.isValueNode()) {
                throw ModelException.user("'" + key + "' must be a list of plain values");
            }
            out.add(x.asString().trim());
        }
        return out;
    }

    private static String where(Path source) {
        return source == null ? "catalog: " : source + ": ";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Optional<CatalogEntry> findByRepo(String repo) {
        return entries.values().stream()
                .filter(e -> e.repo().equalsIgnoreCase(repo))
                .findFirst();
    }

    /** Where it was read from, or null. */
    public Path source() {
        return source;
    }

    /**
     * Turns a command-line argument into what to fetch: a catalog name ({@code opus-mt-en-uk}), or a
     * hub repo id with an optional revision ({@code Xenova/opus-mt-en-uk@0123...}). A repo id that is in
     * the catalog takes the catalog's name and file set; another one is installed as {@code owner--name}
     * with the files of {@code variant} found in its listing.
     */
    public FetchTarget resolve(String arg, Variant variantForUnknownRepos) {
        if (arg == null || arg.isBlank()) {
            throw ModelException.user("empty model name");
        }
        String spec = arg.trim();
        String revision = null;
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            revision = PathSafety.checkRevision(spec.substring(at + 1));
            spec = spec.substring(0, at);
        }
        if (!spec.contains("/")) {
            CatalogEntry e = entries.get(spec);
            if (e == null) {
                throw ModelException.user("unknown model '" + PathSafety.printable(spec) + "'"
                        + (entries.isEmpty() ? "" : " (catalog has: " + String.join(", ", entries.keySet()) + ")")
                        + "; to fetch any hub repo give its id, e.g. Xenova/opus-mt-en-uk");
            }
            return FetchTarget.of(e, revision);
        }
        PathSafety.checkRepoId(spec);
        Optional<CatalogEntry> known = findByRepo(spec);
        if (known.isPresent()) {
            return FetchTarget.of(known.get(), revision);
        }
        return new FetchTarget(
                spec.replace("/", "--"),
                spec,
                revision == null ? "main" : revision,
                variantForUnknownRepos,
                null,
                false);
    }
}
