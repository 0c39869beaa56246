package dev.briefs.model.hub;

import java.io.IOException;
import java.util.function.Consumer;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Tries an exchange with the hub again while it fails in a way that may pass, with exponential
 * backoff, a bounded number of times: Spring's retry, the same the job uses for model calls. Each
 * retry is logged with what failed; a failure that will not pass is thrown at once.
 */
final class HubRetries {

    /** One try of an exchange. */
    interface Attempt<T> {
        T run() throws TransientHubFailure, IOException;
    }

    private final HubSettings settings;
    private final Consumer<String> log;

    HubRetries(HubSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    <T> T run(String what, Attempt<T> attempt) {
        int max = settings.maxAttempts();
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(max - 1)
                .delay(settings.initialBackoff())
                .multiplier(2)
                .maxDelay(settings.maxBackoff())
                .predicate(t -> t instanceof TransientHubFailure)
                .build());
        retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                log.accept(what + ": " + state.getLastException().getMessage() + "; retry "
                        + (state.getRetryCount() + 1) + "/" + max);
            }
        });
        try {
            return retry.execute(attempt::run);
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (last instanceof TransientHubFailure) {
                throw ModelException.failure(what + " from " + settings.endpointHost() + " failed after " + max
                        + " attempts: " + last.getMessage());
            }
            if (last instanceof IOException io) {
                throw ModelException.failure(what + ": local file error: " + io.getMessage(), io);
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed: " + last, last);
        }
    }
}
