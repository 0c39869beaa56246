package dev.briefs.job.remote;

import dev.briefs.job.launch.JobContexts;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.job.settings.KafkaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.kafka.inbound.KafkaMessageDrivenChannelAdapter;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The worker's role: {@code briefs worker} takes partition requests from the Kafka topic and runs
 * the step it names on each ({@code modelWorker}, then {@code articleWorker}), for whatever date it belongs to, against the shared job
 * repository. Each consumer thread runs one partition at a time; the offset of a request is
 * committed once its partition has ended, so a request taken by a worker that dies is delivered
 * again (and then left alone, see {@link PartitionRequestHandler}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = NightlyJobConfiguration.ROLE, havingValue = "worker")
@EnableIntegration
public class WorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

    /** How many partitions this process runs at once: {@code briefs.worker.threads}. */
    public static final String THREADS = JobContexts.WORKER_THREADS;

    @Bean
    PartitionRequestHandler partitionRequestHandler(
            JobRepository jobRepository, JobSettings settings, BeanFactory beans) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beans);
        return new PartitionRequestHandler(jobRepository, settings.repository(), steps);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, String> partitionRequestListener(
            JobSettings settings, Environment environment) {
        KafkaSettings kafka = settings.kafka();
        ContainerProperties properties = new ContainerProperties(kafka.topic());
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setConsumerRebalanceListener(new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                log.info(
                        "worker assigned {} of topic {}",
                        partitions.stream()
                                .map(p -> "partition " + p.partition())
                                .toList(),
                        kafka.topic());
            }
        });
        ConcurrentMessageListenerContainer<String, String> container =
                new ConcurrentMessageListenerContainer<>(KafkaClients.consumers(kafka), properties);
        container.setConcurrency(environment.getProperty(THREADS, Integer.class, 1));
        // A request that cannot be handled now (the database unreachable, this worker stopping) is kept
        // and tried again, never dropped: the manager waits for every partition. Only a message that
        // is not a partition request at all is logged and passed over.
        DefaultErrorHandler errors = new DefaultErrorHandler(new FixedBackOff(5000, FixedBackOff.UNLIMITED_ATTEMPTS));
        errors.addNotRetryableExceptions(IllegalArgumentException.class);
        container.setCommonErrorHandler(errors);
        return container;
    }

    @Bean
    IntegrationFlow partitionRequestsFromKafka(
            ConcurrentMessageListenerContainer<String, String> partitionRequestListener,
            PartitionRequestHandler handler) {
        return IntegrationFlow.from(new KafkaMessageDrivenChannelAdapter<>(partitionRequestListener))
                .transform(String.class, PartitionRequests::decode)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    try {
                        handler.handle(request);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                })
                .get();
    }
}
