package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.PathSafety;
import dev.briefs.model.hub.RepoFile;
import dev.briefs.optimum.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code sha256:} of a catalog entry: the SHA-256 each file has at the entry's pinned commit, as public
 * records give them (models/README.md names them). The hashes the hub (or a mirror, {@code HF_ENDPOINT})
 * lists only prove that a download is the file that endpoint meant; these prove it is the pinned file. So a
 * fetch of the pinned commit is refused before it downloads anything when the endpoint lists another hash,
 * and a downloaded file whose bytes have another hash is deleted and the fetch refused: a mirror that lists
 * and serves other files does not get them installed. Like the sizes, they belong to the pinned commit only.
 */
public final class PinnedHashes {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private PinnedHashes() {}

    /**
     * Reads {@code sha256:} ({@code path: 64 lowercase hex}) of an entry. Hashes need a pinned commit (a branch
     * moves, its files with it), and each path must be a file the entry can fetch, in any variant.
     */
    static Map<String, String> parse(JsonNode node, String revision, List<String> files, Variant variant) {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return hashes;
        }
        if (!node.isObject()) {
            throw ModelException.user("'sha256' must map repo files to their SHA-256, e.g. onnx/encoder_model.onnx: "
                    + "followed by 64 lowercase hex digits");
        }
        if (!PathSafety.isCommit(revision)) {
            throw ModelException.user("'sha256' are those of one commit: pin 'revision' to a 40-hex commit (it is '"
                    + PathSafety.printable(revision) + "')");
        }
        Set<String> fetchable = PinnedSizes.fetchable(files, variant);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = e.getKey();
            PathSafety.checkRepoFile(path);
            if (!fetchable.contains(path)) {
                throw ModelException.user("'sha256' has " + PathSafety.printable(path)
                        + ", which is not one of its files in any variant");
            }
            JsonNode v = e.getValue();
            String hash = v.isValueNode() && !v.isNull() ? v.asString().trim() : null;
            if (hash == null || !SHA256.matcher(hash).matches()) {
                throw ModelException.user("'sha256' of " + path + " must be 64 lowercase hex digits, not '"
                        + PathSafety.printable(v.isValueNode() ? v.asString() : v.toString()) + "'");
            }
            hashes.put(path, hash);
        }
        return hashes;
    }

    /**
     * Refuses the fetch when the listing gives a file another SHA-256 ({@code lfs.sha256}) than the catalog's.
     * Called with the listing only, before any download, so nothing has been written when it throws. A file the
     * listing gives no SHA-256 (a small, non-LFS file) is checked after its download ({@link #mismatch}).
     *
     * @param host the endpoint's host, for the message
     * @return how many files' listed hashes were compared
     */
    static int check(FetchTarget target, String commit, List<RepoFile> wanted, String host) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (RepoFile f : wanted) {
            String expected = target.expectedSha256().get(f.path());
            if (expected == null || f.sha256() == null) {
                continue;
            }
            checked++;
            if (!expected.equalsIgnoreCase(f.sha256())) {
                wrong.add(f.path() + " is listed with SHA-256 " + f.sha256() + ", the catalog expects " + expected);
            }
        }
        if (!wrong.isEmpty()) {
            throw ModelException.user("SHA-256 check failed at commit " + commit + " of " + target.repo() + " on "
                    + host + ": " + wrong.get(0)
                    + (wrong.size() > 1 ? " (and " + (wrong.size() - 1) + " more file(s))" : "")
                    + "; nothing was downloaded. This endpoint does not serve the pinned files: use the hub or a mirror"
                    + " you trust (HF_ENDPOINT, --endpoint), check the pin and its hashes in the catalog"
                    + " (models/README.md), or fetch another revision on purpose: "
                    + ModelMessages.fixCommand(target.name() + "@REVISION"));
        }
        return checked;
    }

    /** Whether a file's SHA-256 is the catalog's, or the catalog has none for it. */
    static boolean agrees(FetchTarget target, String path, String sha256) {
        String expected = target.expectedSha256().get(path);
        return expected == null || expected.equalsIgnoreCase(sha256);
    }

    /**
     * The error for a downloaded file whose SHA-256 is not the catalog's, though it passed the endpoint's own
     * checks: the endpoint serves another file than the pinned one. The caller deletes the file first.
     */
    static ModelException mismatch(FetchTarget target, String commit, RepoFile f, String actual, String host) {
        return ModelException.user(f.path() + " as downloaded from " + host + " at commit " + commit + " of "
                + target.repo() + " has SHA-256 " + actual + ", the catalog expects "
                + target.expectedSha256().get(f.path()) + " (the endpoint's listing "
                + (f.sha256() != null ? "said " + f.sha256() : "gave no SHA-256 for it")
                + "); the file was deleted and nothing was installed. This endpoint does not serve the pinned files:"
                + " use the hub or a mirror you trust (HF_ENDPOINT, --endpoint), or check the pin and its hashes in the"
                + " catalog (models/README.md)");
    }
}
