package dev.briefs.model.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A loopback stand-in for the Hugging Face hub, for tests. It serves the two calls the application uses:
 * <ul>
 * <li>{@code GET /api/models/{repo}/revision/{revision}?blobs=true}: {@code sha} and {@code siblings[]} with
 * {@code rfilename}, {@code size}, {@code blobId} and, for LFS files, {@code lfs {sha256, size}};</li>
 * <li>{@code GET /{repo}/resolve/{revision}/{path}}: the bytes, with {@code Range: bytes=N-} (206).</li>
 * </ul>
 * Repos come from a folder ({@link #addRepo(String, Path)}) or from bytes ({@link #addRepo(String, Map)}).
 * Faults are injected per file ({@link #fault}); every request is recorded ({@link #requests()}).
 * <pre>{@code
 * try (TestHub hub = TestHub.start()) {
 *     String commit = hub.addRepo("Xenova/opus-mt-en-uk", folder);
 *     hub.fault("Xenova/opus-mt-en-uk", "onnx/encoder_model_quantized.onnx", TestHub.Fault.cutAfter(1000));
 *     ... new HubSettings...withEndpoint(hub.endpoint()) ...
 * }
 * }</pre>
 * Binds 127.0.0.1 on a free port; nothing else is reachable through it.
 */
public final class TestHub implements AutoCloseable {

    /** Pass as {@code path} to {@link #fault} to hit the listing call instead of a file. */
    public static final String LISTING = "<listing>";

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final HttpServer cdn;
    private final ExecutorService executor;
    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private final Map<String, List<Fault>> faults = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile String requiredToken;
    private volatile boolean echoAuthorization;
    private volatile long lfsThreshold = 1 << 20;
    private volatile boolean redirectFiles;

    /** One recorded request. {@code authorization} is the raw header value or null. */
    public record Request(String method, String path, String query, String range, String authorization) {
        public boolean isListing() {
            return path.startsWith("/api/models/");
        }
    }

    /** A fault to inject on the next {@code times} matching requests (default once). */
    public static final class Fault {
        enum Kind {
            CUT,
            CORRUPT,
            STALL,
            STATUS,
            EXTRA_BYTES
        }

        final Kind kind;
        final long bytes;
        final int status;
        int remaining = 1;

        private Fault(Kind kind, long bytes, int status) {
            this.kind = kind;
            this.bytes = bytes;
            this.status = status;
        }

        /** Announce the full length, send {@code bytes} bytes, then drop the connection. */
        public static Fault cutAfter(long bytes) {
            return new Fault(Kind.CUT, bytes, 0);
        }

        /** Serve the right length with one byte flipped in the middle. */
        public static Fault corrupt() {
            return new Fault(Kind.CORRUPT, 0, 0);
        }

        /** Send the headers and {@code bytes} bytes, then hang until the hub closes (bytes &lt; 0: hang before headers). */
        public static Fault stall(long bytes) {
            return new Fault(Kind.STALL, bytes, 0);
        }

        /** Answer with this HTTP status and a small JSON error. */
        public static Fault status(int status) {
            return new Fault(Kind.STATUS, 0, status);
        }

        /** Send {@code bytes} more bytes than the file has (chunked, no length). */
        public static Fault extraBytes(long bytes) {
            return new Fault(Kind.EXTRA_BYTES, bytes, 0);
        }

        /** Apply to this many matching requests. */
        public Fault times(int n) {
            remaining = n;
            return this;
        }

        /** Apply to every matching request. */
        public Fault always() {
            remaining = Integer.MAX_VALUE;
            return this;
        }
    }

    private record Blob(byte[] bytes, String sha256, String blobId) {}

    private static final class Repo {
        final Map<String, Map<String, Blob>> commits = new LinkedHashMap<>();
        final Map<String, String> branches = new LinkedHashMap<>();

        String resolve(String revision) {
            if (commits.containsKey(revision)) {
                return revision;
            }
            return branches.get(revision);
        }
    }

    private TestHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-hub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdn.setExecutor(executor);
        cdn.createContext("/", this::handle);
        cdn.start();
    }

    public static TestHub start() {
        try {
            return new TestHub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** Host and port, as the client writes it into manifests. */
    public String hostAndPort() {
        return server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** Adds every regular file under {@code folder} (paths relative to it) as a new commit, also branch {@code main}. */
    public String addRepo(String repo, Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return addRepo(repo, files);
    }

    /** Adds these files as a new commit of {@code repo}, and points branch {@code main} at it. Returns the commit. */
    public synchronized String addRepo(String repo, Map<String, byte[]> files) {
        StringBuilder id = new StringBuilder(repo).append('\n');
        files.forEach((path, bytes) ->
                id.append(path).append('\0').append(hex("SHA-256", bytes)).append('\n'));
        Repo r = repos.get(repo);
        int n = r == null ? 0 : r.commits.size();
        return addRepoAt(repo, hex("SHA-1", (id.toString() + n).getBytes(StandardCharsets.UTF_8)), files);
    }

    /**
     * Adds these files as {@code commit} of {@code repo} (a 40-hex id chosen by the test), and points branch
     * {@code main} at it: what a mirror does that answers for a commit of the hub with files of its own.
     */
    public synchronized String addRepoAt(String repo, String commit, Map<String, byte[]> files) {
        Map<String, Blob> blobs = new TreeMap<>();
        files.forEach(
                (path, bytes) -> blobs.put(path, new Blob(bytes.clone(), hex("SHA-256", bytes), gitBlobId(bytes))));
        Repo r = repos.computeIfAbsent(repo, k -> new Repo());
        r.commits.put(commit, blobs);
        r.branches.put("main", commit);
        return commit;
    }

    /** Points a branch or tag of {@code repo} at a commit. */
    public synchronized TestHub branch(String repo, String branch, String commit) {
        repos.get(repo).branches.put(branch, commit);
        return this;
    }

    /** Files at least this big are LFS (get {@code lfs.sha256}); {@code .onnx} files always are. Default 1 MiB. */
    public TestHub lfsThreshold(long bytes) {
        lfsThreshold = bytes;
        return this;
    }

    /** Answer 401 unless {@code Authorization: Bearer TOKEN}. Null turns it off. */
    public TestHub requireToken(String token) {
        requiredToken = token;
        return this;
    }

    /**
     * A misbehaving hub: its 401 answers quote the Authorization header they were sent, token and all, in
     * {@code X-Error-Message}, the header the client copies into its error.
     */
    public TestHub echoAuthorization(boolean on) {
        echoAuthorization = on;
        return this;
    }

    /**
     * Answer file downloads with a 302 to a second loopback server (another port, so another origin), as
     * the hub does to its CDN. Like the real CDN, it does not ask for the token.
     */
    public TestHub redirectFiles(boolean on) {
        redirectFiles = on;
        return this;
    }

    /** Injects a fault on {@code path} of {@code repo} ({@link #LISTING} for the listing call). */
    public synchronized TestHub fault(String repo, String path, Fault fault) {
        faults.computeIfAbsent(repo + "\0" + path, k -> new ArrayList<>()).add(fault);
        return this;
    }

    public synchronized TestHub clearFaults() {
        faults.clear();
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests for one file of a repo (resolve calls, redirected ones included). */
    public List<Request> fileRequests(String repo, String path) {
        return requests.stream()
                .filter(r -> r.path().startsWith("/" + repo + "/") && r.path().endsWith("/" + path))
                .toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        cdn.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ serving

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String rawPath = ex.getRequestURI().getRawPath();
            requests.add(new Request(
                    ex.getRequestMethod(),
                    rawPath,
                    ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders().getFirst("Range"),
                    ex.getRequestHeaders().getFirst("Authorization")));
            if (!"GET".equals(ex.getRequestMethod())) {
                error(ex, 405, "method not allowed");
                return;
            }
            String token = requiredToken;
            if (token != null
                    && !rawPath.contains("/cdn-resolve/")
                    && !("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                String sent = ex.getRequestHeaders().getFirst("Authorization");
                ex.getResponseHeaders()
                        .add(
                                "X-Error-Message",
                                "Invalid credentials in Authorization header" + (echoAuthorization ? ": " + sent : ""));
                error(ex, 401, "Invalid credentials in Authorization header");
                return;
            }
            if (rawPath.startsWith("/api/models/")) {
                listing(ex, rawPath.substring("/api/models/".length()));
            } else if (rawPath.contains("/resolve/")) {
                file(ex, rawPath, "/resolve/");
            } else if (rawPath.contains("/cdn-resolve/")) {
                file(ex, rawPath, "/cdn-resolve/");
            } else {
                error(ex, 404, "not found");
            }
        } catch (IOException e) {
            // the client went away, or a fault cut the connection on purpose
        }
    }

    private void listing(HttpExchange ex, String rest) throws IOException {
        int at = rest.lastIndexOf("/revision/");
        if (at < 0) {
            error(ex, 404, "Repository not found");
            return;
        }
        String repoId = decode(rest.substring(0, at));
        String revision = decode(rest.substring(at + "/revision/".length()));
        Fault f = takeFault(repoId, LISTING);
        if (f != null && applyNonBodyFault(ex, f)) {
            return;
        }
        Map<String, Blob> files;
        String commit;
        synchronized (this) {
            Repo r = repos.get(repoId);
            commit = r == null ? null : r.resolve(revision);
            files = commit == null ? null : r.commits.get(commit);
        }
        if (files == null) {
            ex.getResponseHeaders().add("X-Error-Code", r(repoId) ? "RevisionNotFound" : "RepoNotFound");
            error(ex, 404, r(repoId) ? "Invalid rev id: " + revision : "Repository not found");
            return;
        }
        StringBuilder json = new StringBuilder("{\"id\":")
                .append(quote(repoId))
                .append(",\"sha\":")
                .append(quote(commit))
                .append(",\"siblings\":[");
        boolean first = true;
        for (Map.Entry<String, Blob> e : files.entrySet()) {
            Blob b = e.getValue();
            json.append(first ? "" : ",")
                    .append("{\"rfilename\":")
                    .append(quote(e.getKey()))
                    .append(",\"size\":")
                    .append(b.bytes.length)
                    .append(",\"blobId\":")
                    .append(quote(b.blobId));
            if (isLfs(e.getKey(), b)) {
                json.append(",\"lfs\":{\"sha256\":")
                        .append(quote(b.sha256))
                        .append(",\"size\":")
                        .append(b.bytes.length)
                        .append(",\"pointerSize\":134}");
            }
            json.append('}');
            first = false;
        }
        json.append("]}");
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    private synchronized boolean r(String repoId) {
        return repos.containsKey(repoId);
    }

    private boolean isLfs(String path, Blob b) {
        return path.endsWith(".onnx") || path.endsWith(".onnx_data") || b.bytes.length >= lfsThreshold;
    }

    private void file(HttpExchange ex, String rawPath, String marker) throws IOException {
        int at = rawPath.indexOf(marker);
        String repoId = decode(rawPath.substring(1, at));
        String rest = rawPath.substring(at + marker.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            error(ex, 404, "Entry not found");
            return;
        }
        String revision = decode(rest.substring(0, slash));
        String path = decode(rest.substring(slash + 1));
        Blob blob;
        String commit;
        synchronized (this) {
            Repo r = repos.get(repoId);
            commit = r == null ? null : r.resolve(revision);
            blob = commit == null ? null : r.commits.get(commit).get(path);
        }
        if (blob == null) {
            ex.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
            error(ex, 404, "Entry not found");
            return;
        }
        if (redirectFiles && marker.equals("/resolve/")) {
            ex.getResponseHeaders()
                    .add(
                            "Location",
                            "http://" + cdn.getAddress().getAddress().getHostAddress() + ":"
                                    + cdn.getAddress().getPort() + rawPath.replace("/resolve/", "/cdn-resolve/"));
            ex.sendResponseHeaders(302, -1);
            return;
        }
        Fault f = takeFault(repoId, path);
        if (f != null && applyNonBodyFault(ex, f)) {
            return;
        }
        byte[] bytes = blob.bytes;
        if (f != null && f.kind == Fault.Kind.CORRUPT) {
            bytes = bytes.clone();
            bytes[bytes.length / 2] ^= 0x5a;
        }
        long start = 0;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches()) {
                start = Long.parseLong(m.group(1));
                if (start >= bytes.length) {
                    ex.getResponseHeaders().add("Content-Range", "bytes */" + bytes.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
            }
        }
        ex.getResponseHeaders().add("X-Repo-Commit", commit);
        ex.getResponseHeaders().add("ETag", "\"" + (isLfs(path, blob) ? blob.sha256 : blob.blobId) + "\"");
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        int length = (int) (bytes.length - start);
        if (f != null && f.kind == Fault.Kind.EXTRA_BYTES) {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(bytes);
            out.write(new byte[(int) f.bytes]);
            return;
        }
        if (start > 0) {
            ex.getResponseHeaders()
                    .add("Content-Range", "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
            ex.sendResponseHeaders(206, length);
        } else {
            ex.sendResponseHeaders(200, length);
        }
        OutputStream out = ex.getResponseBody();
        if (f != null && (f.kind == Fault.Kind.CUT || f.kind == Fault.Kind.STALL)) {
            int n = (int) Math.min(f.bytes, length);
            out.write(bytes, (int) start, n);
            out.flush();
            if (f.kind == Fault.Kind.STALL) {
                awaitClose();
            }
            // closing the exchange with bytes missing drops the connection
            throw new IOException("fault: connection cut after " + n + " bytes");
        }
        out.write(bytes, (int) start, length);
    }

    /** Faults that answer without a normal body; true when the exchange is done. */
    private boolean applyNonBodyFault(HttpExchange ex, Fault f) throws IOException {
        if (f.kind == Fault.Kind.STATUS) {
            if (f.status == 401) {
                ex.getResponseHeaders().add("X-Error-Message", "Invalid credentials in Authorization header");
            }
            error(ex, f.status, "injected HTTP " + f.status);
            return true;
        }
        if (f.kind == Fault.Kind.STALL && f.bytes < 0) {
            awaitClose();
            throw new IOException("fault: stalled");
        }
        return false;
    }

    private void awaitClose() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Fault takeFault(String repo, String path) {
        List<Fault> list = faults.get(repo + "\0" + path);
        if (list == null) {
            return null;
        }
        for (Fault f : list) {
            if (f.remaining > 0) {
                if (f.remaining != Integer.MAX_VALUE) {
                    f.remaining--;
                }
                return f;
            }
        }
        return null;
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        byte[] body = ("{\"error\":" + quote(message) + "}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String gitBlobId(byte[] bytes) {
        byte[] header = ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + bytes.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bytes, 0, all, header.length, bytes.length);
        return hex("SHA-1", all);
    }

    /** SHA-256 hex of bytes, for assertions. */
    public static String sha256(byte[] bytes) {
        return hex("SHA-256", bytes);
    }
}
