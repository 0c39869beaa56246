package dev.briefs.job.wiring;

import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.failure.ExpectedFailures;
import dev.briefs.failure.FailureText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Model calls retried with Spring's retry (the one Spring Batch 6 builds on): failures that may
 * pass (timeouts, I/O errors) are tried again with exponential backoff, a bounded number of
 * times; any other failure is final at once, since a call that failed on its input fails again.
 * Only a failure that belongs to the input ends as {@link Exhausted}; a fault of the code or of the machine
 * is thrown as it is, so that the job fails instead of turning it into failed articles.
 */
final class SpringModelCallRetry implements ModelCallRetry {

    private static final Logger LOG = LoggerFactory.getLogger(SpringModelCallRetry.class);
    /** Counter of model calls tried again after a failure that may pass. */
    static final String RETRIES = "briefs.model.retries";

    private final RetryTemplate retry;

    /** @param registry where each retry is counted ({@value #RETRIES}) */
    SpringModelCallRetry(int maxRetries, Duration firstDelay, MeterRegistry registry) {
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(maxRetries)
                .delay(firstDelay)
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(30))
                .predicate(ExpectedFailures::mayPass)
                .build());
        Counter retries = Counter.builder(RETRIES)
                .description("Model calls tried again after a timeout or an I/O error")
                .register(registry);
        // A retry is the first sign of a model or machine in trouble: the operator sees it as it happens.
        retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> call, RetryState state) {
                retries.increment();
                Throwable last = state.getLastException();
                LOG.warn(
                        "model call failed ({}); retry {} of {}",
                        last == null ? "?" : FailureText.of(last),
                        state.getRetryCount() + 1,
                        maxRetries);
            }
        });
    }

    @Override
    public <T> T call(Supplier<T> call) {
        try {
            return retry.execute(call::get);
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (last instanceof Error error) {
                throw error;
            }
            if (last instanceof RuntimeException runtime) {
                throw Exhausted.ifPerArticle(runtime, e.getRetryCount() + 1);
            }
            // A model call declares no checked exception; one that escapes anyway is a fault of the code.
            throw new IllegalStateException("model call failed: " + last, last);
        }
    }
}
