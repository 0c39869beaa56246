package dev.briefs.job;

import dev.briefs.chunk.ModelCallRetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Model calls retried with Spring's retry (the one Spring Batch 6 builds on): failures that may
 * pass (timeouts, I/O errors) are tried again with exponential backoff, a bounded number of
 * times; any other failure is final at once, since a call that failed on its input fails again.
 */
final class SpringModelCallRetry implements ModelCallRetry {

    private final RetryTemplate retry;

    SpringModelCallRetry(int maxRetries, Duration firstDelay) {
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(maxRetries)
                .delay(firstDelay)
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(30))
                .predicate(SpringModelCallRetry::mayPass)
                .build());
    }

    static boolean mayPass(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException || c instanceof UncheckedIOException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> T call(Supplier<T> call) {
        try {
            return retry.execute(call::get);
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            throw new Exhausted(last, e.getRetryCount() + 1);
        }
    }
}
