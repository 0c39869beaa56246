package dev.briefs.model.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the two hub calls the application needs, on {@link java.net.http.HttpClient}:
 * <ul>
 * <li>{@code GET {endpoint}/api/models/{repo}/revision/{revision}?blobs=true}: the commit and the files;</li>
 * <li>{@code GET {endpoint}/{repo}/resolve/{commit}/{path}}: the bytes, resumed with {@code Range: bytes=N-}.</li>
 * </ul>
 * Timeouts, cut connections, 429 and 5xx are retried a bounded number of times with exponential backoff
 * ({@link HubRetries}); 401, 403 and 404 are not. The token goes out as {@code Authorization: Bearer} to
 * the endpoint's origin only, not to a CDN it redirects to ({@link HubTransport}), and is never logged
 * nor put in a message.
 */
public final class HubClient {

    /** A listing or an error's text is read into memory; nothing the hub should send is near this. */
    private static final long MAX_SMALL_BODY = 64L << 20;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HubSettings settings;
    private final HubTransport transport;
    private final HubRetries retries;

    public HubClient(HubSettings settings, Consumer<String> log) {
        this.settings = Objects.requireNonNull(settings);
        this.transport = new HubTransport(settings);
        this.retries = new HubRetries(settings, log == null ? message -> {} : log);
    }

    public HubSettings settings() {
        return settings;
    }

    /** The bytes of a file as downloaded: size and SHA-256 of the whole file. */
    public record Downloaded(long size, String sha256) {}

    // ------------------------------------------------------------------ listing

    /** Resolves {@code revision} to a commit and lists the repo's files with sizes and LFS hashes. */
    public RepoInfo repoInfo(String repo, String revision) {
        PathSafety.checkRepoId(repo);
        PathSafety.checkRevision(revision);
        URI uri = URI.create(
                transport.base() + "/api/models/" + repo + "/revision/" + encodeSegment(revision) + "?blobs=true");
        String what = repo + "@" + revision;
        byte[] body = retries.run("listing " + what, () -> {
            ReadWatch watch = new ReadWatch();
            HttpResponse<byte[]> r = transport.send(uri, null, info -> new MemorySink(watch, MAX_SMALL_BODY), watch);
            transport.checkStatus(r, "repo " + repo + " at revision '" + revision + "'");
            return r.body();
        });
        return parseInfo(repo, revision, body);
    }

    static RepoInfo parseInfo(String repo, String revision, byte[] body) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(body);
        } catch (JacksonException e) {
            throw ModelException.failure("hub listing of " + repo + " is not valid JSON");
        }
        String commit = root.path("sha").asString("");
        if (!PathSafety.isCommit(commit)) {
            throw ModelException.failure("hub listing of " + repo + "@" + revision + " has no 40-hex 'sha' (commit)");
        }
        List<RepoFile> files = new ArrayList<>();
        for (JsonNode s : root.path("siblings")) {
            String name = s.path("rfilename").asString(null);
            if (name == null) {
                continue;
            }
            JsonNode lfs = s.get("lfs");
            String sha256 = null;
            long size = s.path("size").asLong(-1);
            if (lfs != null && lfs.isObject()) {
                sha256 = lfs.path("sha256").asString(null);
                if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
                    throw ModelException.failure("hub listing of " + repo + ": bad lfs.sha256 for " + name);
                }
                sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
                long lfsSize = lfs.path("size").asLong(-1);
                size = lfsSize >= 0 ? lfsSize : size;
            }
            String blobId = s.path("blobId").asString(null);
            files.add(
                    new RepoFile(name, size, sha256, blobId != null && blobId.matches("[0-9a-f]{40}") ? blobId : null));
        }
        return new RepoInfo(repo, revision, commit, files);
    }

    // ------------------------------------------------------------------ download

    /**
     * Downloads {@code file} of {@code repo} at {@code commit} into {@code dest}, resuming from the bytes
     * already in {@code dest} with a Range request. Returns the size and SHA-256 of the whole file; the
     * caller compares them with what the listing announced. A file that grows past the announced size is
     * deleted and reported as an {@link IntegrityException}.
     */
    public Downloaded download(
            String repo, String commit, RepoFile file, Path dest, TransferProgress.Transfer progress) {
        PathSafety.checkRepoId(repo);
        if (!PathSafety.isCommit(commit)) {
            throw new IllegalArgumentException("download needs a resolved 40-hex commit");
        }
        PathSafety.checkRepoFile(file.path());
        URI uri = URI.create(transport.base() + "/" + repo + "/resolve/" + commit + "/" + encodePath(file.path()));
        return retries.run("download of " + file.path(), () -> downloadOnce(uri, repo, commit, file, dest, progress));
    }

    private Downloaded downloadOnce(
            URI uri, String repo, String commit, RepoFile file, Path dest, TransferProgress.Transfer progress)
            throws TransientHubFailure, IOException {
        long expected = file.size();
        long have = Files.exists(dest) ? Files.size(dest) : 0;
        if (expected >= 0 && have > expected) {
            Files.delete(dest);
            have = 0;
        }
        MessageDigest prefix = sha256();
        if (have > 0) {
            try (InputStream in = Files.newInputStream(dest)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    prefix.update(buf, 0, n);
                }
            }
        }
        progress.resumedAt(have);
        if (expected >= 0 && have == expected) {
            return new Downloaded(have, hex(prefix.digest()));
        }
        final long offset = have;
        ReadWatch watch = new ReadWatch();
        FileSink[] sinkRef = new FileSink[1];
        HttpResponse<byte[]> r = transport.send(
                uri,
                offset > 0 ? "bytes=" + offset + "-" : null,
                info -> {
                    if (info.statusCode() == 200) {
                        progress.resumedAt(0);
                        sinkRef[0] = new FileSink(file.path(), dest, false, sha256(), expected, progress, watch);
                        return sinkRef[0];
                    }
                    if (info.statusCode() == 206) {
                        long start = info.headers()
                                .firstValue("Content-Range")
                                .map(HubClient::rangeStart)
                                .orElse(-1L);
                        if (start != offset) {
                            return BodySubscribers.replacing(null);
                        }
                        sinkRef[0] = new FileSink(file.path(), dest, true, clone(prefix), expected, progress, watch);
                        return sinkRef[0];
                    }
                    return new MemorySink(watch, MAX_SMALL_BODY);
                },
                watch);
        int status = r.statusCode();
        if (status == 416) {
            Files.deleteIfExists(dest);
            throw new TransientHubFailure("server refused to resume at byte " + offset + "; starting over");
        }
        if (status == 206 && sinkRef[0] == null) {
            Files.deleteIfExists(dest);
            throw new TransientHubFailure(
                    "server answered a range that does not start at byte " + offset + "; starting over");
        }
        transport.checkStatus(r, "file " + file.path() + " of " + repo + " at " + commit);
        FileSink sink = sinkRef[0];
        if (sink == null) {
            throw ModelException.failure("unexpected HTTP " + status + " for " + file.path());
        }
        long total = (status == 206 ? offset : 0) + sink.written();
        if (expected >= 0 && total < expected) {
            throw new TransientHubFailure("connection closed at byte " + total + " of " + expected);
        }
        return new Downloaded(total, hex(sink.digest()));
    }

    private static long rangeStart(String contentRange) {
        Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    static String encodeSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (String seg : path.split("/", -1)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(encodeSegment(seg));
        }
        return b.toString();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest clone(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
