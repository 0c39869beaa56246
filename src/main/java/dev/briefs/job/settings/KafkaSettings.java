package dev.briefs.job.settings;

import java.time.Duration;
import java.util.Map;

/**
 * Where a manager sends partition requests and workers take them. Null in {@link JobSettings}
 * when neither the job file nor {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} names a broker: the job is local.
 */
public record KafkaSettings(
        String bootstrapServers, String topic, String group, int topicPartitions, Duration poll, Duration brokerWait) {

    public static final String DEFAULT_TOPIC = "briefs-partitions";
    public static final String DEFAULT_GROUP = "briefs-workers";
    public static final int DEFAULT_TOPIC_PARTITIONS = 16;
    public static final int DEFAULT_POLL_MS = 1000;
    /** Long enough for a broker's restart, short enough that a night whose broker is gone fails within minutes. */
    public static final int DEFAULT_BROKER_WAIT_MS = 60_000;

    static KafkaSettings resolve(
            JobFile.Kafka file, RepositorySettings repository, Map<String, String> env, String where) {
        String servers = env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        if (servers == null && file != null) {
            servers = file.bootstrapServers();
        }
        if (servers == null || servers.isBlank()) {
            if (file != null && (file.topic() != null || file.group() != null)) {
                throw new JobFileException(where + ": kafka.bootstrap-servers is missing; name the brokers, such as "
                        + "kafka:9092, or remove the kafka section to run locally");
            }
            return null;
        }
        if (!repository.postgres()) {
            throw new JobFileException(
                    where + ": kafka needs a job repository that all machines share; set "
                            + "repository.url to a PostgreSQL database (jdbc:postgresql://HOST:5432/DB) or SPRING_DATASOURCE_URL");
        }
        JobFile.Kafka k = file != null ? file : new JobFile.Kafka(null, null, null, null, null, null);
        int partitions = k.topicPartitions() != null ? k.topicPartitions() : DEFAULT_TOPIC_PARTITIONS;
        int pollMs = k.pollMs() != null ? k.pollMs() : DEFAULT_POLL_MS;
        int brokerWaitMs = k.brokerWaitMs() != null ? k.brokerWaitMs() : DEFAULT_BROKER_WAIT_MS;
        positive(where, "kafka.topic-partitions", partitions);
        positive(where, "kafka.poll-ms", pollMs);
        positive(where, "kafka.broker-wait-ms", brokerWaitMs);
        return new KafkaSettings(
                servers.strip(),
                k.topic() != null ? k.topic() : DEFAULT_TOPIC,
                k.group() != null ? k.group() : DEFAULT_GROUP,
                partitions,
                Duration.ofMillis(pollMs),
                Duration.ofMillis(brokerWaitMs));
    }

    private static void positive(String where, String key, int value) {
        if (value <= 0) {
            throw new JobFileException(where + ": " + key + " must be a positive number, is " + value);
        }
    }
}
