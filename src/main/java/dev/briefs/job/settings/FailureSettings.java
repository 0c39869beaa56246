package dev.briefs.job.settings;

import java.time.Duration;

/**
 * How much failure a night absorbs: how often a failed model call is retried and after how long, and how many
 * articles may fail alone before the night fails as a whole.
 */
public record FailureSettings(int skipLimit, int maxRetries, Duration retryDelay) {

    /**
     * Articles of a night that may fail alone before the night fails as a whole: a few malformed
     * articles are a normal night, hundreds mean a broken model or input feed that retrying each
     * article will not mend.
     */
    public static final int DEFAULT_SKIP_LIMIT = 100;

    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final int DEFAULT_RETRY_DELAY_MS = 500;

    static FailureSettings resolve(JobFile file, String where) {
        int skipLimit = SettingValues.notNegative(file.skipLimit(), DEFAULT_SKIP_LIMIT, "skip-limit", where);
        JobFile.Retry retry = file.retry() != null ? file.retry() : new JobFile.Retry(null, null);
        int maxRetries = SettingValues.notNegative(retry.maxRetries(), DEFAULT_MAX_RETRIES, "retry.max-retries", where);
        int delayMs = SettingValues.notNegative(retry.delayMs(), DEFAULT_RETRY_DELAY_MS, "retry.delay-ms", where);
        return new FailureSettings(skipLimit, maxRetries, Duration.ofMillis(delayMs));
    }
}
