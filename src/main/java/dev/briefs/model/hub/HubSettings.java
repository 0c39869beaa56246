package dev.briefs.model.hub;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to talk to the hub: endpoint, optional token, timeouts and retries. The token is never part of
 * {@link #toString()}.
 */
public final class HubSettings {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private final URI endpoint;
    private final String token;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private HubSettings(
            URI endpoint,
            String token,
            Duration connectTimeout,
            Duration readTimeout,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff) {
        this.endpoint = endpoint;
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.connectTimeout = positive(connectTimeout, "connect timeout");
        this.readTimeout = positive(readTimeout, "read timeout");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = Objects.requireNonNull(initialBackoff);
        this.maxBackoff = Objects.requireNonNull(maxBackoff);
    }

    /** Defaults: huggingface.co, no token, 10 s connect, 30 s read, 5 attempts, backoff 1 s doubling to 30 s. */
    public static HubSettings defaults() {
        return new HubSettings(
                URI.create(DEFAULT_ENDPOINT),
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    /**
     * Endpoint from {@code endpointOverride} (the --endpoint option), else {@code HF_ENDPOINT}, else
     * huggingface.co; token from {@code HF_TOKEN} (or the older {@code HUGGING_FACE_HUB_TOKEN}).
     */
    public static HubSettings fromEnvironment(Map<String, String> env, String endpointOverride) {
        String endpoint = firstNonBlank(endpointOverride, env.get("HF_ENDPOINT"), DEFAULT_ENDPOINT);
        String token = firstNonBlank(env.get("HF_TOKEN"), env.get("HUGGING_FACE_HUB_TOKEN"), null);
        return defaults().withEndpoint(endpoint).withToken(token);
    }

    public static URI parseEndpoint(String s) {
        URI uri;
        try {
            uri = new URI(s.trim().replaceAll("/+$", ""));
        } catch (Exception e) {
            throw ModelException.user("invalid hub endpoint '" + s + "'");
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw ModelException.user("invalid hub endpoint '" + (uri.getRawUserInfo() != null ? "(with user info)" : s)
                    + "': expected http(s)://HOST[:PORT][/PATH], e.g. https://huggingface.co");
        }
        return uri;
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c;
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return d;
    }

    public HubSettings withEndpoint(String endpoint) {
        return new HubSettings(
                parseEndpoint(endpoint), token, connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public HubSettings withToken(String token) {
        return new HubSettings(endpoint, token, connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public HubSettings withTimeouts(Duration connect, Duration read) {
        return new HubSettings(endpoint, token, connect, read, maxAttempts, initialBackoff, maxBackoff);
    }

    public HubSettings withRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new HubSettings(endpoint, token, connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public URI endpoint() {
        return endpoint;
    }

    public String endpointHost() {
        return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** The token, or null. Only {@link HubClient} should need this. */
    String token() {
        return token;
    }

    public boolean hasToken() {
        return token != null;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***") + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts + "]";
    }
}
