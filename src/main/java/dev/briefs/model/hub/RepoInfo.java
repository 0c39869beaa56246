package dev.briefs.model.hub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's answer for one repo at one revision.
 *
 * @param repo     repo id
 * @param revision the revision asked for
 * @param commit   the 40-hex commit it resolved to
 * @param files    every file of the repo at that commit
 */
public record RepoInfo(String repo, String revision, String commit, List<RepoFile> files) {

    public RepoInfo {
        files = List.copyOf(files);
    }

    public Optional<RepoFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public Map<String, RepoFile> byPath() {
        Map<String, RepoFile> m = new LinkedHashMap<>();
        files.forEach(f -> m.put(f.path(), f));
        return m;
    }
}
