package dev.briefs.model.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with the hub: redirects followed by hand so that the token goes to the
 * endpoint's origin only (never to a CDN it redirects to), a read timeout that watches the body as
 * it streams, and every failure sorted into one that may pass ({@link TransientHubFailure}: time
 * outs, cut connections, 429, 5xx) and one that will not (401, 403, 404, a name that does not resolve).
 */
final class HubTransport {

    private static final int MAX_REDIRECTS = 5;
    private static final String USER_AGENT = "briefs/0.1 (java.net.http)";

    private final HubSettings settings;
    private final HttpClient http;

    HubTransport(HubSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(
                        "https".equals(settings.endpoint().getScheme())
                                ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1)
                .build();
    }

    <T> HttpResponse<T> send(URI uri, String range, HttpResponse.BodyHandler<T> handler, ReadWatch watch)
            throws TransientHubFailure {
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
            HttpResponse.BodyHandler<T> h =
                    info -> isRedirect(info.statusCode()) ? BodySubscribers.replacing(null) : handler.apply(info);
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

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> f, ReadWatch watch)
            throws TransientHubFailure {
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
                    throw new TransientHubFailure(
                            "no data for " + settings.readTimeout().toMillis() + " ms (read timeout)");
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

    private TransientHubFailure mapFailure(Throwable t) {
        Throwable c = t;
        while ((c instanceof UncheckedIOException || c instanceof CompletionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof ModelException me) {
            throw me;
        }
        if (c instanceof HttpConnectTimeoutException) {
            return new TransientHubFailure("connect timed out");
        }
        if (c instanceof HttpTimeoutException) {
            return new TransientHubFailure("timed out waiting for the server (read timeout)");
        }
        if (c instanceof UnknownHostException || unresolved(c)) {
            // Not retried: without name resolution there is no network to wait for (or the endpoint is mistyped).
            throw ModelException.failure("cannot resolve host " + settings.endpointHost()
                    + ": no network, or a wrong HF_ENDPOINT / endpoint setting");
        }
        if (c instanceof ConnectException) {
            return new TransientHubFailure(
                    "cannot connect" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"));
        }
        if (c instanceof IOException) {
            return new TransientHubFailure("connection failed: "
                    + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()));
        }
        if (c instanceof RuntimeException re) {
            throw re;
        }
        throw ModelException.failure("download failed: " + c);
    }

    /** The JDK's client reports a name that does not resolve as a ConnectException caused by UnresolvedAddressException. */
    private static boolean unresolved(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    void checkStatus(HttpResponse<?> r, String what) throws TransientHubFailure {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return;
        }
        String host = host(r.uri());
        String hint = r.headers()
                .firstValue("X-Error-Message")
                .map(m -> " (hub says: " + clean(m) + ")")
                .orElse("");
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
            throw new TransientHubFailure("HTTP " + s + " from " + host + hint);
        }
        throw ModelException.failure("unexpected HTTP " + s + " from " + host + " for " + what + hint);
    }

    String base() {
        return settings.endpoint().toString().replaceAll("/+$", "");
    }

    private static boolean isRedirect(int s) {
        return s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    static String host(URI u) {
        return u == null ? "?" : u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
    }

    private String clean(String s) {
        String t = s.replaceAll("[\\p{Cntrl}]", " ").trim();
        // A hub that quotes the request back must not get the token into our messages, logs or reports.
        if (settings.hasToken()) {
            t = t.replace(settings.token(), "[HF_TOKEN]");
        }
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
