package dev.briefs.cache;

import java.time.Duration;

/**
 * The job file's {@code cache} block.
 *
 * @param enabled whether model outputs are looked up and stored
 * @param maxAge  outputs older than this are not used, and are deleted when a run starts
 */
public record CacheSettings(boolean enabled, Duration maxAge) {

    public static final int DEFAULT_MAX_AGE_DAYS = 30;
    public static final CacheSettings DEFAULTS = new CacheSettings(true, Duration.ofDays(DEFAULT_MAX_AGE_DAYS));
}
