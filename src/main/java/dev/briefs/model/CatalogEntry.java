package dev.briefs.model;

import dev.briefs.model.hub.PathSafety;
import dev.briefs.optimum.Variant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model of {@code models/catalog.yaml}.
 *
 * @param name       short local name, also the folder {@code models/NAME/}
 * @param repo       hub repo id, {@code owner/name}
 * @param revision   what to fetch: a 40-hex commit (pinned, a release does this) or a branch/tag such as {@code main}
 * @param task       translation, summarization or embedding
 * @param sourceLanguages ISO 639-1 codes the model reads
 * @param targetLanguages ISO 639-1 codes the model writes (same as source for summarization/embedding)
 * @param variant    which ONNX export
 * @param files      repo-relative files of that variant
 * @param optional   not fetched by {@code models fetch} without arguments
 * @param bundled    ships with the application (Maven Central), never fetched
 * @param description one line for humans, may be empty
 * @param approxSizeMb rough download size in MB as the catalog states it, -1 when not given
 * @param sizes      what files weigh at the pinned commit ({@code sizes:}), by repo path; empty when not given
 * @param sha256     the SHA-256 (64 lowercase hex) files have at the pinned commit ({@code sha256:}), by repo path;
 *                   empty when not given
 */
public record CatalogEntry(
        String name,
        String repo,
        String revision,
        Task task,
        List<String> sourceLanguages,
        List<String> targetLanguages,
        Variant variant,
        List<String> files,
        boolean optional,
        boolean bundled,
        String description,
        long approxSizeMb,
        Map<String, ExpectedSize> sizes,
        Map<String, String> sha256) {

    public CatalogEntry {
        sourceLanguages = List.copyOf(sourceLanguages);
        targetLanguages = List.copyOf(targetLanguages);
        files = List.copyOf(files);
        description = description == null ? "" : description;
        sizes = sizes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        sha256 = sha256 == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }

    /** An entry with expected sizes and no expected SHA-256. */
    public CatalogEntry(
            String name,
            String repo,
            String revision,
            Task task,
            List<String> sourceLanguages,
            List<String> targetLanguages,
            Variant variant,
            List<String> files,
            boolean optional,
            boolean bundled,
            String description,
            long approxSizeMb,
            Map<String, ExpectedSize> sizes) {
        this(
                name,
                repo,
                revision,
                task,
                sourceLanguages,
                targetLanguages,
                variant,
                files,
                optional,
                bundled,
                description,
                approxSizeMb,
                sizes,
                Map.of());
    }

    /** An entry without expected sizes or SHA-256. */
    public CatalogEntry(
            String name,
            String repo,
            String revision,
            Task task,
            List<String> sourceLanguages,
            List<String> targetLanguages,
            Variant variant,
            List<String> files,
            boolean optional,
            boolean bundled,
            String description,
            long approxSizeMb) {
        this(
                name,
                repo,
                revision,
                task,
                sourceLanguages,
                targetLanguages,
                variant,
                files,
                optional,
                bundled,
                description,
                approxSizeMb,
                Map.of(),
                Map.of());
    }

    /** Whether the catalog pins a commit (as opposed to following a branch). */
    public boolean pinned() {
        return PathSafety.isCommit(revision);
    }

    /** {@code en->uk}, or {@code en} when source and target are the same. */
    public String languages() {
        String s = String.join(",", sourceLanguages);
        String t = String.join(",", targetLanguages);
        return s.equals(t) || t.isEmpty() ? s : s + "->" + t;
    }
}
