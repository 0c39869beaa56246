package dev.briefs.model.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.briefs.model.IntegrityException;
import dev.briefs.model.ModelException;
import dev.briefs.model.PathSafety;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the two hub calls the application needs, on {@link java.net.http.HttpClient}:
 * <ul>
 * <li>{@code GET {endpoint}/api/models/{repo}/revision/{revision}?blobs=true}: the commit and the files;</li>
 * <li>{@code GET {endpoint}/{repo}/resolve/{commit}/{path}}: the bytes, resumed with {@code Range: bytes=N-}.</li>
 * </ul>
 * Timeouts, cut connections, 429 and 5xx are retried a bounded number of times with exponential backoff;
 * 401, 403 and 404 are not. The token goes out as {@code Authorization: Bearer} to the endpoint's origin
 * only (not to a CDN it redirects to) and is never logged nor put in a message.
 */
public final class HubClient {

    private static final int MAX_REDIRECTS = 5;
    private static final String USER_AGENT = "briefs/0.1 (java.net.http)";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HubSettings settings;
    private final HttpClient http;
    private final Consumer<String> log;

    public HubClient(HubSettings settings, Consumer<String> log) {
        this.settings = Objects.requireNonNull(settings);
        this.log = log == null ? s -> { } : log;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version("https".equals(settings.endpoint().getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .build();
    }

    public HubSettings settings() {
        return settings;
    }

    /** The bytes of a file as downloaded: size and SHA-256 of the whole file. */
    public record Downloaded(long size, String sha256) {
    }

    // ------------------------------------------------------------------ listing

    /** Resolves {@code revision} to a commit and lists the repo's files with sizes and LFS hashes. */
    public RepoInfo repoInfo(String repo, String revision) {
        PathSafety.checkRepoId(repo);
        PathSafety.checkRevision(revision);
        URI uri = URI.create(base() + "/api/models/" + repo + "/revision/" + encodeSegment(revision) + "?blobs=true");
        String what = repo + "@" + revision;
        byte[] body = withRetries("listing " + what, () -> {
            Watch watch = new Watch();
            HttpResponse<byte[]> r = send(uri, null, info -> bounded(info, watch), watch);
            checkStatus(r, "repo " + repo + " at revision '" + revision + "'");
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
                sha256 = sha256 == null ? null : sha256.toLowerCase();
                long lfsSize = lfs.path("size").asLong(-1);
                size = lfsSize >= 0 ? lfsSize : size;
            }
            String blobId = s.path("blobId").asString(null);
            files.add(new RepoFile(name, size, sha256, blobId != null && blobId.matches("[0-9a-f]{40}") ? blobId : null));
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
    public Downloaded download(String repo, String commit, RepoFile file, Path dest, TransferProgress.Transfer progress) {
        PathSafety.checkRepoId(repo);
        if (!PathSafety.isCommit(commit)) {
            throw new IllegalArgumentException("download needs a resolved 40-hex commit");
        }
        PathSafety.checkRepoFile(file.path());
        URI uri = URI.create(base() + "/" + repo + "/resolve/" + commit + "/" + encodePath(file.path()));
        return withRetries("download of " + file.path(), () -> downloadOnce(uri, repo, commit, file, dest, progress));
    }

    private Downloaded downloadOnce(URI uri, String repo, String commit, RepoFile file, Path dest,
                                    TransferProgress.Transfer progress) throws Retry, IOException {
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
        Watch watch = new Watch();
        FileSink[] sinkRef = new FileSink[1];
        HttpResponse<byte[]> r = send(uri, offset > 0 ? "bytes=" + offset + "-" : null, info -> {
            if (info.statusCode() == 200) {
                progress.resumedAt(0);
                return sinkRef[0] = new FileSink(file.path(), dest, false, sha256(), expected, progress, watch);
            }
            if (info.statusCode() == 206) {
                long start = info.headers().firstValue("Content-Range").map(HubClient::rangeStart).orElse(-1L);
                if (start != offset) {
                    return BodySubscribers.replacing(null);
                }
                return sinkRef[0] = new FileSink(file.path(), dest, true, clone(prefix), expected, progress, watch);
            }
            return bounded(info, watch);
        }, watch);
        int status = r.statusCode();
        if (status == 416) {
            Files.deleteIfExists(dest);
            throw new Retry("server refused to resume at byte " + offset + "; starting over");
        }
        if (status == 206 && sinkRef[0] == null) {
            Files.deleteIfExists(dest);
            throw new Retry("server answered a range that does not start at byte " + offset + "; starting over");
        }
        checkStatus(r, "file " + file.path() + " of " + repo + " at " + commit);
        FileSink sink = sinkRef[0];
        if (sink == null) {
            throw ModelException.failure("unexpected HTTP " + status + " for " + file.path());
        }
        long total = (status == 206 ? offset : 0) + sink.written();
        if (expected >= 0 && total < expected) {
            throw new Retry("connection closed at byte " + total + " of " + expected);
        }
        return new Downloaded(total, hex(sink.digest()));
    }

    private static long rangeStart(String contentRange) {
        Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    // ------------------------------------------------------------------ HTTP plumbing

    private <T> HttpResponse<T> send(URI uri, String range, HttpResponse.BodyHandler<T> handler, Watch watch)
            throws Retry {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current)
                    .timeout(settings.readTimeout())
                    .header("User-Agent", USER_AGENT)
                    .GET();
            if (settings.token() != null && sameOrigin(current, settings.endpoint())) {
                b.header("Authorization", "Bearer " + settings.token());
            }
            if (range != null) {
                b.header("Range", range);
            }
            watch.reset();
            HttpResponse.BodyHandler<T> h = info -> isRedirect(info.statusCode())
                    ? BodySubscribers.replacing(null) : handler.apply(info);
            HttpResponse<T> r = await(http.sendAsync(b.build(), h), watch);
            if (!isRedirect(r.statusCode())) {
                return r;
            }
            String location = r.headers().firstValue("Location").orElse(null);
            if (location == null) {
                throw ModelException.failure("HTTP " + r.statusCode() + " without Location from " + host(current));
            }
            current = current.resolve(location);
            if (!"https".equals(current.getScheme()) && !"http".equals(current.getScheme())) {
                throw ModelException.failure("refusing redirect to a non-HTTP location");
            }
        }
        throw ModelException.failure("too many redirects from " + host(uri));
    }

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> f, Watch watch) throws Retry {
        long read = settings.readTimeout().toNanos();
        long headerGrace = settings.connectTimeout().toNanos();
        long poll = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(read / 4, TimeUnit.SECONDS.toNanos(1)));
        while (true) {
            try {
                return f.get(poll, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long idle = System.nanoTime() - watch.last;
                if (idle > read + (watch.bodyStarted ? 0 : headerGrace)) {
                    watch.abort();
                    f.cancel(true);
                    throw new Retry("no data for " + settings.readTimeout().toMillis() + " ms (read timeout)");
                }
            } catch (InterruptedException e) {
                f.cancel(true);
                watch.abort();
                Thread.currentThread().interrupt();
                throw ModelException.failure("interrupted");
            } catch (ExecutionException e) {
                throw mapFailure(e.getCause());
            }
        }
    }

    private Retry mapFailure(Throwable t) {
        Throwable c = t;
        while ((c instanceof UncheckedIOException || c instanceof java.util.concurrent.CompletionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof ModelException me) {
            throw me;
        }
        if (c instanceof HttpConnectTimeoutException) {
            return new Retry("connect timed out");
        }
        if (c instanceof HttpTimeoutException) {
            return new Retry("timed out waiting for the server (read timeout)");
        }
        if (c instanceof java.net.UnknownHostException || unresolved(c)) {
            // Not retried: without name resolution there is no network to wait for (or the endpoint is mistyped).
            throw ModelException.failure("cannot resolve host " + settings.endpointHost()
                    + ": no network, or a wrong HF_ENDPOINT / endpoint setting");
        }
        if (c instanceof ConnectException) {
            return new Retry("cannot connect" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"));
        }
        if (c instanceof IOException) {
            return new Retry("connection failed: " + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()));
        }
        if (c instanceof RuntimeException re) {
            throw re;
        }
        throw ModelException.failure("download failed: " + c);
    }

    /** The JDK's client reports a name that does not resolve as a ConnectException caused by UnresolvedAddressException. */
    private static boolean unresolved(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private void checkStatus(HttpResponse<?> r, String what) throws Retry {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return;
        }
        String host = host(r.uri());
        String hint = r.headers().firstValue("X-Error-Message").map(m -> " (hub says: " + clean(m) + ")").orElse("");
        if (s == 401) {
            throw ModelException.user("HTTP 401 Unauthorized from " + host + " for " + what + hint + ": "
                    + (settings.hasToken()
                    ? "the token in HF_TOKEN was refused or cannot read this repo; set HF_TOKEN to a valid token"
                    : "the repo is private or gated (or does not exist); set HF_TOKEN to a token that can read it")
                    + " (https://huggingface.co/settings/tokens)");
        }
        if (s == 403) {
            throw ModelException.user("HTTP 403 Forbidden from " + host + " for " + what + hint
                    + ": the repo is gated; accept its terms on the hub with the account whose token is in HF_TOKEN");
        }
        if (s == 404) {
            throw ModelException.user("HTTP 404 Not Found from " + host + ": " + what + " does not exist" + hint
                    + "; check the repo id and revision (and HF_ENDPOINT / --endpoint)");
        }
        if (s == 429 || s >= 500) {
            throw new Retry("HTTP " + s + " from " + host + hint);
        }
        throw ModelException.failure("unexpected HTTP " + s + " from " + host + " for " + what + hint);
    }

    private interface Attempt<T> {
        T run() throws Retry, IOException;
    }

    private <T> T withRetries(String what, Attempt<T> attempt) {
        String last = null;
        int max = settings.maxAttempts();
        for (int i = 1; i <= max; i++) {
            try {
                return attempt.run();
            } catch (Retry r) {
                last = r.getMessage();
            } catch (IOException e) {
                throw ModelException.failure(what + ": local file error: " + e.getMessage(), e);
            }
            if (i < max) {
                Duration d = settings.backoff(i);
                log.accept(what + ": " + last + "; retry " + (i + 1) + "/" + max + " in " + d.toMillis() + " ms");
                try {
                    Thread.sleep(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ModelException.failure(what + ": interrupted");
                }
            }
        }
        throw ModelException.failure(what + " from " + settings.endpointHost() + " failed after " + max
                + " attempts: " + last);
    }

    /** A retryable failure of one attempt. */
    private static final class Retry extends Exception {
        Retry(String message) {
            super(message, null, false, false);
        }
    }

    /** Activity of one exchange, for the read timeout while the body streams. */
    private static final class Watch {
        volatile long last = System.nanoTime();
        volatile boolean bodyStarted;
        volatile Runnable aborter;

        void reset() {
            last = System.nanoTime();
            bodyStarted = false;
            aborter = null;
        }

        void touch() {
            last = System.nanoTime();
            bodyStarted = true;
        }

        void abort() {
            Runnable a = aborter;
            if (a != null) {
                a.run();
            }
        }
    }

    /** Reads a small body (listing JSON, error text) into memory, up to 64 MiB, with the read watch. */
    private static BodySubscriber<byte[]> bounded(ResponseInfo info, Watch watch) {
        return new CollectingSink(watch, 64L << 20);
    }

    private static final class CollectingSink implements BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        private final Watch watch;
        private final long limit;
        private Flow.Subscription sub;

        CollectingSink(Watch watch, long limit) {
            this.watch = watch;
            this.limit = limit;
            watch.touch();
            watch.aborter = this::abort;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription s) {
            sub = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer bb : items) {
                byte[] b = new byte[bb.remaining()];
                bb.get(b);
                buf.write(b, 0, b.length);
            }
            watch.touch();
            if (buf.size() > limit) {
                sub.cancel();
                result.completeExceptionally(ModelException.failure("hub answer larger than " + limit + " bytes"));
                return;
            }
            sub.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public synchronized void onComplete() {
            result.complete(buf.toByteArray());
        }

        synchronized void abort() {
            if (sub != null) {
                sub.cancel();
            }
            result.completeExceptionally(new HttpTimeoutException("read timeout"));
        }
    }

    /** Streams a body into a file, hashing as it goes. */
    private static final class FileSink implements BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final FileChannel channel;
        private final MessageDigest digest;
        private final long limit;
        private final long base;
        private final Path dest;
        private final String label;
        private final TransferProgress.Transfer progress;
        private final Watch watch;
        private Flow.Subscription sub;
        private long written;

        FileSink(String label, Path dest, boolean append, MessageDigest digest, long expectedTotal, TransferProgress.Transfer progress,
                 Watch watch) {
            try {
                this.channel = append
                        ? FileChannel.open(dest, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : FileChannel.open(dest, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                this.base = append ? channel.size() : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.dest = dest;
            this.label = label;
            this.digest = digest;
            this.limit = expectedTotal;
            this.progress = progress;
            this.watch = watch;
            watch.touch();
            watch.aborter = this::abort;
        }

        long written() {
            return written;
        }

        byte[] digest() {
            return digest.digest();
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription s) {
            sub = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer bb : items) {
                    int n = bb.remaining();
                    if (limit >= 0 && base + written + n > limit) {
                        closeQuietly();
                        Files.deleteIfExists(dest);
                        throw new IntegrityException(label, "size", limit + " bytes", "more than that");
                    }
                    digest.update(bb.duplicate());
                    while (bb.hasRemaining()) {
                        channel.write(bb);
                    }
                    written += n;
                    progress.advance(n);
                }
                watch.touch();
                sub.request(1);
            } catch (IOException | RuntimeException e) {
                sub.cancel();
                fail(e instanceof IOException io ? new UncheckedIOException(io) : e);
            }
        }

        @Override
        public synchronized void onError(Throwable t) {
            fail(t);
        }

        @Override
        public synchronized void onComplete() {
            try {
                channel.force(false);
                channel.close();
                result.complete(new byte[0]);
            } catch (IOException e) {
                fail(new UncheckedIOException(e));
            }
        }

        synchronized void abort() {
            if (sub != null) {
                sub.cancel();
            }
            fail(new HttpTimeoutException("read timeout"));
        }

        private void fail(Throwable t) {
            closeQuietly();
            result.completeExceptionally(t);
        }

        private void closeQuietly() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    // ------------------------------------------------------------------ small helpers

    private String base() {
        return settings.endpoint().toString().replaceAll("/+$", "");
    }

    private static boolean isRedirect(int s) {
        return s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static String host(URI u) {
        return u == null ? "?" : u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
    }

    private static String clean(String s) {
        String t = s.replaceAll("[\\p{Cntrl}]", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
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
