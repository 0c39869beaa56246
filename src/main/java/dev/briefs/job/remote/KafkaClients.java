package dev.briefs.job.remote;

import dev.briefs.job.settings.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** Kafka clients as briefs uses them, from the job's {@link KafkaSettings}. */
final class KafkaClients {

    /**
     * A partition is worked on inside one poll of its worker, for as long as it takes. The consumer
     * must not be dropped from its group meanwhile; if it is, the request goes to another worker,
     * which sees that the partition is taken and lets it be.
     */
    static final int MAX_PARTITION_MS = (int) Duration.ofHours(12).toMillis();

    private KafkaClients() {}

    /**
     * A bean, so that the context's close closes its producer and the producer's threads.
     *
     * <p>A request is sent once the broker has it on every in-sync replica ({@code acks=all}), so that a broker
     * restarting or failing over after the send loses none. While the broker is away the producer waits for it
     * and sends again, for {@code kafka.broker-wait-ms} in all, first for the topic's metadata ({@code max.block.ms})
     * and then for the acknowledgement ({@code delivery.timeout.ms}); idempotence keeps a request that it sends
     * again from being written twice. A request written twice anyway (a send that timed out after the broker
     * wrote it, then the night run again) is harmless: the worker claims a partition before it runs it.
     */
    static DefaultKafkaProducerFactory<String, String> producers(KafkaSettings kafka) {
        int waitMs = (int) kafka.brokerWait().toMillis();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, waitMs);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, waitMs);
        // Requests are sent one at a time and waited for: nothing to batch, so no lingering (5 ms by default).
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // The client requires delivery.timeout.ms >= linger.ms + request.timeout.ms (30 s by default).
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, waitMs));
        return new DefaultKafkaProducerFactory<>(p);
    }

    static DefaultKafkaConsumerFactory<String, String> consumers(KafkaSettings kafka) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.group());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // A worker that joins after the manager sent its requests still gets them.
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The topic is made with its partitions by PartitionTopicConfiguration, never by a consumer's metadata request.
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // The offset of a request is committed once its partition has ended (AckMode.RECORD), never before: a
        // request whose worker dies is delivered again. While the broker is away, that commit waits for it
        // (default.api.timeout.ms, 60 s) and, failing, the request is delivered again later and left alone.
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // One partition request per poll: a busy worker must not hold requests that an idle one could take.
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_PARTITION_MS);
        // Heartbeats come from the consumer's own thread, whatever the partition takes; a worker that
        // dies hands its share of the topic to the others within this time.
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return new DefaultKafkaConsumerFactory<>(c);
    }
}
