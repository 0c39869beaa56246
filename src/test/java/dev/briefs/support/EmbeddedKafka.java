package dev.briefs.support;

import static org.junit.jupiter.api.Assumptions.abort;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode (spring-kafka-test's), started once for the test JVM and stopped
 * when it exits. Where it cannot start here, the calling test is skipped with the reason.
 */
public final class EmbeddedKafka {

    private static EmbeddedKafkaKraftBroker broker;
    private static String failure;

    private EmbeddedKafka() {}

    /** The broker's address, such as {@code 127.0.0.1:40123}. */
    public static synchronized String bootstrapServers() {
        if (broker == null && failure == null) {
            try {
                EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 4);
                b.brokerProperty("group.initial.rebalance.delay.ms", "0");
                b.afterPropertiesSet();
                broker = b;
                Runtime.getRuntime().addShutdownHook(new Thread(b::destroy));
            } catch (RuntimeException | LinkageError e) {
                failure = e.toString();
            }
        }
        if (broker == null) {
            abort("skipped: the embedded Kafka broker could not start here (" + failure + ")");
        }
        return broker.getBrokersAsString();
    }
}
