package dev.briefs.chunk;

import java.util.function.Supplier;

/**
 * How one model call is retried when it fails for a reason that may pass (a timeout, an I/O
 * error). The job supplies Spring's retry with backoff; tests and one-off commands may call once.
 */
public interface ModelCallRetry {

    /** Calls once; a failure is final. */
    ModelCallRetry ONCE = new ModelCallRetry() {
        @Override
        public <T> T call(Supplier<T> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw new Exhausted(e, 1);
            }
        }
    };

    /**
     * @throws Exhausted when the call failed for good, with the last failure and the number of attempts
     */
    <T> T call(Supplier<T> call);

    /** The call failed for good. */
    final class Exhausted extends RuntimeException {

        private final int attempts;

        public Exhausted(Throwable last, int attempts) {
            super(last.getMessage() != null ? last.getMessage() : last.getClass().getSimpleName(), last);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }
}
