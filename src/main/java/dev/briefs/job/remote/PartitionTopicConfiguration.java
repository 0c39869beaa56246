package dev.briefs.job.remote;

import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.job.settings.KafkaSettings;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topic of partition requests, made by whichever process starts first, manager or worker, with
 * the partitions the job file asks for. Left to the broker, a worker's consumer could create it
 * with the broker's default of one partition, and one worker would take every request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${" + NightlyJobConfiguration.ROLE + ":local}' != 'local'")
public class PartitionTopicConfiguration {

    @Bean
    KafkaAdmin kafkaAdmin(JobSettings settings) {
        KafkaSettings kafka = settings.kafka();
        KafkaAdmin admin =
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())) {
                    @Override
                    public void afterSingletonsInstantiated() {
                        try {
                            super.afterSingletonsInstantiated();
                        } catch (RuntimeException e) {
                            throw BrokerUnavailableException.atStart(kafka, e);
                        }
                    }
                };
        // A broker that cannot be reached stops the process at start, before any work is taken or sent: after
        // waiting for it as long as the manager waits to send a request, so that a broker restarting at that
        // moment is waited for.
        admin.setFatalIfBrokerNotAvailable(true);
        admin.setOperationTimeout((int) Math.max(1, kafka.brokerWait().toSeconds()));
        // Closing it after that wait must not wait again (10 s by default) for calls that can no longer succeed.
        admin.setCloseTimeout(1);
        return admin;
    }

    /** Created when missing, with the broker's default replication; an existing topic gains partitions if it has fewer. */
    @Bean
    NewTopic partitionTopic(JobSettings settings) {
        return TopicBuilder.name(settings.kafka().topic())
                .partitions(settings.kafka().topicPartitions())
                .build();
    }
}
