package dev.briefs.job.remote;

import dev.briefs.failure.Causes;
import dev.briefs.failure.FailureText;
import dev.briefs.job.settings.KafkaSettings;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The Kafka broker did not answer, or did not take a request, within {@code kafka.broker-wait-ms}: when a manager
 * or worker started, or when the manager sent its partition requests. The message is the operator's one line,
 * naming the brokers; the client's exception is kept as a suppressed one rather than as the cause, because the
 * line an operator reads is a failure's innermost cause ({@link FailureText}), which would be the client's words
 * without the broker's name.
 */
public final class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * At the start: {@code failure} as this exception where the admin client gave up waiting for the broker (its
     * wait for an answer ran out, or a Kafka client's {@code TimeoutException}); any other failure (a bad
     * setting) as it is.
     */
    static RuntimeException atStart(KafkaSettings kafka, RuntimeException failure) {
        if (Causes.find(failure, TimeoutException.class) == null
                && Causes.find(failure, org.apache.kafka.common.errors.TimeoutException.class) == null) {
            return failure;
        }
        return new BrokerUnavailableException(
                "the Kafka broker cannot be reached (" + kafka.bootstrapServers() + ") at the start: no answer in "
                        + kafka.brokerWait().toSeconds() + " s (kafka.broker-wait-ms)",
                failure);
    }

    /**
     * Sending a partition request: {@code failure} as this exception where the producer gave up after retrying
     * for {@code kafka.broker-wait-ms} (a retriable error: the broker away, or not taking writes in time); any
     * other failure (a record refused for good, a bad setting) as it is.
     */
    static RuntimeException sending(KafkaSettings kafka, RuntimeException failure) {
        if (Causes.find(failure, RetriableException.class) == null
                && Causes.find(failure, TimeoutException.class) == null) {
            return failure;
        }
        return new BrokerUnavailableException(
                "the Kafka broker did not take the partition requests (" + kafka.bootstrapServers() + ") in "
                        + kafka.brokerWait().toSeconds() + " s (kafka.broker-wait-ms): "
                        + FailureText.of(failure),
                failure);
    }

    private BrokerUnavailableException(String line, Throwable failure) {
        super(line);
        addSuppressed(failure);
    }
}
