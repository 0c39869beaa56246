package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import dev.briefs.model.hub.RepoFile;
import dev.briefs.optimum.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code sizes:} of a catalog entry: what each file weighs at the entry's pinned commit. A fetch of
 * that commit compares them with the hub's listing before it downloads anything, so a wrong pin, a
 * re-uploaded repo or a mirror that serves other files is refused while it costs nothing. The sizes belong
 * to the pinned commit only: {@code models fetch NAME@OTHER} fetches without them.
 */
public final class PinnedSizes {

    private PinnedSizes() {}

    /**
     * Reads {@code sizes:} ({@code path: size}) of an entry. Sizes need a pinned commit (a branch moves, its
     * sizes with it), and each path must be a file the entry can fetch, in any variant.
     */
    static Map<String, ExpectedSize> parse(JsonNode node, String revision, List<String> files, Variant variant) {
        Map<String, ExpectedSize> sizes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return sizes;
        }
        if (!node.isObject()) {
            throw ModelException.user("'sizes' must map repo files to sizes, e.g. onnx/encoder_model.onnx: 203 MB");
        }
        if (!PathSafety.isCommit(revision)) {
            throw ModelException.user("'sizes' are those of one commit: pin 'revision' to a 40-hex commit (it is '"
                    + PathSafety.printable(revision) + "')");
        }
        Set<String> fetchable = fetchable(files, variant);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = e.getKey();
            PathSafety.checkRepoFile(path);
            if (!fetchable.contains(path)) {
                throw ModelException.user(
                        "'sizes' has " + PathSafety.printable(path) + ", which is not one of its files in any variant");
            }
            if (!e.getValue().isValueNode()) {
                throw ModelException.user("'sizes' of " + path + " must be a plain value such as 203 MB");
            }
            try {
                sizes.put(path, ExpectedSize.parse(e.getValue().asString()));
            } catch (ModelException ex) {
                throw ModelException.user("'sizes' of " + path + ": " + ex.getMessage());
            }
        }
        return sizes;
    }

    /** Every file an entry can fetch, in any variant: its files under each variant's names. */
    static Set<String> fetchable(List<String> files, Variant variant) {
        Set<String> fetchable = new LinkedHashSet<>();
        for (Variant v : Variant.values()) {
            files.forEach(f -> fetchable.add(variant.convert(f, v)));
        }
        return fetchable;
    }

    /**
     * Refuses the fetch when a file's size in the hub's listing is not the catalog's. Called with the
     * listing only, before any download, so nothing has been written when it throws.
     *
     * @return how many files were checked
     */
    static int check(FetchTarget target, String commit, List<RepoFile> wanted) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (RepoFile f : wanted) {
            ExpectedSize expected = target.expectedSizes().get(f.path());
            if (expected == null) {
                continue;
            }
            checked++;
            if (!expected.matches(f.size())) {
                String listed = f.size() < 0 ? "no size" : String.format(Locale.ROOT, "%,d bytes", f.size());
                wrong.add(f.path() + " is listed at " + listed + ", the catalog expects " + expected.describe());
            }
        }
        if (!wrong.isEmpty()) {
            throw ModelException.user("size check failed at commit " + commit + " of " + target.repo() + ": "
                    + wrong.get(0) + (wrong.size() > 1 ? " (and " + (wrong.size() - 1) + " more file(s))" : "")
                    + "; nothing was downloaded. Check the pin and its sizes in the catalog (models/README.md), or fetch "
                    + "another revision on purpose: " + ModelMessages.fixCommand(target.name() + "@REVISION"));
        }
        return checked;
    }

    /**
     * The note for {@code models fetch NAME@REVISION} when REVISION is not the catalog's pin: its sizes and
     * SHA-256 are not checked. Null when there is nothing to say.
     */
    public static String skippedNote(CatalogEntry entry, FetchTarget target) {
        if (entry == null
                || (entry.sizes().isEmpty() && entry.sha256().isEmpty())
                || !target.expectedSizes().isEmpty()
                || !target.expectedSha256().isEmpty()) {
            return null;
        }
        String what = entry.sha256().isEmpty()
                ? "file sizes"
                : entry.sizes().isEmpty() ? "files' SHA-256" : "file sizes and SHA-256";
        return target.name() + ": fetching revision " + target.revision() + ", not the catalog's pinned commit "
                + entry.revision() + "; the catalog's " + what + " belong to that commit and are not checked"
                + " (only the endpoint's own listing is)";
    }
}
