package dev.briefs.model;

import java.util.List;

/**
 * What {@link ModelFetcher} downloads and where it installs it.
 *
 * @param name     folder under the models dir
 * @param repo     hub repo id
 * @param revision commit, branch or tag to ask for
 * @param variant  ONNX variant
 * @param files    files to fetch, or null to pick the variant's files from the repo listing
 * @param bundled  a bundled catalog model: nothing to fetch
 */
public record FetchTarget(String name, String repo, String revision, Variant variant, List<String> files,
                          boolean bundled) {

    public FetchTarget {
        PathSafety.checkName(name);
        PathSafety.checkRepoId(repo);
        PathSafety.checkRevision(revision);
        files = files == null ? null : List.copyOf(files);
        if (files != null) {
            files.forEach(PathSafety::checkRepoFile);
        }
    }

    /** The same model in another variant: its ONNX files renamed, everything else as it is. */
    public FetchTarget withVariant(Variant v) {
        if (v == null || v == variant || bundled) {
            return this;
        }
        return new FetchTarget(name, repo, revision, v, files == null ? null
                : files.stream().map(f -> variant.convert(f, v)).toList(), bundled);
    }

    public static FetchTarget of(CatalogEntry e, String revisionOverride) {
        return new FetchTarget(e.name(), e.repo(), revisionOverride != null ? revisionOverride : e.revision(),
                e.variant(), e.files(), e.bundled());
    }
}
