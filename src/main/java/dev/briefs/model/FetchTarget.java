package dev.briefs.model;

import dev.briefs.model.hub.PathSafety;
import dev.briefs.optimum.Variant;
import java.util.List;
import java.util.Map;

/**
 * What {@link ModelFetcher} downloads and where it installs it.
 *
 * @param name     folder under the models dir
 * @param repo     hub repo id
 * @param revision commit, branch or tag to ask for
 * @param variant  ONNX variant
 * @param files    files to fetch, or null to pick the variant's files from the repo listing
 * @param bundled  a bundled catalog model: nothing to fetch
 * @param expectedSizes sizes the hub must list for these files before anything is downloaded (the catalog's
 *                 {@code sizes:} when this is its pinned commit), by repo path; empty: no check
 * @param expectedSha256 the SHA-256 these files must have (the catalog's {@code sha256:} when this is its pinned
 *                 commit), by repo path: the hub's listing must not list another one, and the downloaded bytes
 *                 must have it; empty: only the listing's own hashes are checked
 */
public record FetchTarget(
        String name,
        String repo,
        String revision,
        Variant variant,
        List<String> files,
        boolean bundled,
        Map<String, ExpectedSize> expectedSizes,
        Map<String, String> expectedSha256) {

    /** A target without expected sizes or SHA-256. */
    public FetchTarget(
            String name, String repo, String revision, Variant variant, List<String> files, boolean bundled) {
        this(name, repo, revision, variant, files, bundled, Map.of(), Map.of());
    }

    /** A target with expected sizes and no expected SHA-256. */
    public FetchTarget(
            String name,
            String repo,
            String revision,
            Variant variant,
            List<String> files,
            boolean bundled,
            Map<String, ExpectedSize> expectedSizes) {
        this(name, repo, revision, variant, files, bundled, expectedSizes, Map.of());
    }

    public FetchTarget {
        PathSafety.checkName(name);
        PathSafety.checkRepoId(repo);
        PathSafety.checkRevision(revision);
        files = files == null ? null : List.copyOf(files);
        if (files != null) {
            files.forEach(PathSafety::checkRepoFile);
        }
        expectedSizes = expectedSizes == null ? Map.of() : Map.copyOf(expectedSizes);
        expectedSha256 = expectedSha256 == null ? Map.of() : Map.copyOf(expectedSha256);
    }

    /**
     * The same model in another variant: its ONNX files renamed, everything else as it is. The expected
     * sizes and SHA-256 stay: they are keyed by path, so the other variant's files find theirs (when the catalog
     * has them).
     */
    public FetchTarget withVariant(Variant v) {
        if (v == null || v == variant || bundled) {
            return this;
        }
        return new FetchTarget(
                name,
                repo,
                revision,
                v,
                files == null
                        ? null
                        : files.stream().map(f -> variant.convert(f, v)).toList(),
                bundled,
                expectedSizes,
                expectedSha256);
    }

    /**
     * A catalog model at its own revision, or at {@code revisionOverride} ({@code NAME@REVISION}). The
     * catalog's sizes and SHA-256 are those of its pinned commit, so they only apply when that commit is what is
     * fetched.
     */
    public static FetchTarget of(CatalogEntry e, String revisionOverride) {
        boolean pinnedCommit = revisionOverride == null || revisionOverride.equals(e.revision());
        return new FetchTarget(
                e.name(),
                e.repo(),
                pinnedCommit ? e.revision() : revisionOverride,
                e.variant(),
                e.files(),
                e.bundled(),
                pinnedCommit ? e.sizes() : Map.of(),
                pinnedCommit ? e.sha256() : Map.of());
    }
}
