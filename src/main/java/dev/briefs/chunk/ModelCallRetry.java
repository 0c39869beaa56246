package dev.briefs.chunk;

import dev.briefs.failure.ExpectedFailures;
import java.util.function.Supplier;

/**
 * How one model call is retried when it fails for a reason that may pass (a timeout, an I/O
 * error). The job supplies Spring's retry with backoff; tests and one-off commands may call once.
 */
public interface ModelCallRetry {

    /** Calls once; an article's failure is final, any other failure is thrown as it is. */
    ModelCallRetry ONCE = new ModelCallRetry() {
        @Override
        public <T> T call(Supplier<T> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw Exhausted.ifPerArticle(e, 1);
            }
        }
    };

    /**
     * @throws Exhausted when the call failed for good for a reason that belongs to its input
     *                   ({@link ExpectedFailures#perArticle}), with the last failure and the number of
     *                   attempts; any other failure (a bug, the machine) is thrown as it is, to fail the job
     */
    <T> T call(Supplier<T> call);

    /** The call failed for good. */
    final class Exhausted extends RuntimeException {

        private final int attempts;

        public Exhausted(Throwable last, int attempts) {
            super(
                    last.getMessage() != null
                            ? last.getMessage()
                            : last.getClass().getSimpleName(),
                    last);
            this.attempts = attempts;
        }

        /** {@code last} as an exhausted call when it is one article's failure; otherwise {@code last} itself. */
        public static RuntimeException ifPerArticle(RuntimeException last, int attempts) {
            return ExpectedFailures.perArticle(last) ? new Exhausted(last, attempts) : last;
        }

        public int attempts() {
            return attempts;
        }
    }
}
