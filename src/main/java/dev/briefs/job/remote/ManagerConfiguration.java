package dev.briefs.job.remote;

import dev.briefs.job.nightly.ArticleFilePartitioner;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.job.settings.KafkaSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.handler.advice.AbstractRequestHandlerAdvice;
import org.springframework.integration.kafka.dsl.Kafka;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The manager's role in a scaled-out run: {@code run} splits the day as a local run would, sends
 * one request per partition to the Kafka topic, and learns each partition's outcome from the
 * shared job repository (polling; no reply topic to lose). {@link DeadWorkerReaper} fails a
 * partition whose worker died, so the run ends instead of waiting for it.
 *
 * <pre>
 * models, then articles: partitioner ─ request per partition ─▶ Kafka topic ─▶ workers (WorkerConfiguration)
 *                       ◀── poll BATCH_STEP_EXECUTION in PostgreSQL until every partition has ended
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = NightlyJobConfiguration.ROLE, havingValue = "manager")
@EnableIntegration
public class ManagerConfiguration {

    @Bean
    Step models(
            JobRepository jobRepository,
            JobSettings settings,
            DirectChannel partitionRequests,
            DeadWorkerReaper reaper) {
        return remote(
                NightlyJobConfiguration.PLANNING_STEP,
                NightlyJobConfiguration.PLANNING_WORKER_STEP,
                jobRepository,
                settings,
                partitionRequests,
                reaper);
    }

    @Bean
    Step articles(
            JobRepository jobRepository,
            JobSettings settings,
            DirectChannel partitionRequests,
            DeadWorkerReaper reaper) {
        return remote(
                NightlyJobConfiguration.PARTITION_STEP,
                NightlyJobConfiguration.WORKER_STEP,
                jobRepository,
                settings,
                partitionRequests,
                reaper);
    }

    /* The two partitioned steps run one after the other, so they share the channel and the reaper. */
    private static Step remote(
            String name,
            String workerName,
            JobRepository jobRepository,
            JobSettings settings,
            DirectChannel partitionRequests,
            DeadWorkerReaper reaper) {
        return new RemotePartitioningManagerStepBuilder(name, jobRepository)
                .partitioner(
                        workerName,
                        new ArticleFilePartitioner(settings.folders().input()))
                .gridSize(settings.partitioning().partitions())
                .outputChannel(partitionRequests)
                .pollInterval(settings.kafka().poll().toMillis())
                .listener(reaper)
                .build();
    }

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    DeadWorkerReaper deadWorkerReaper(JobRepository jobRepository, JobSettings settings) {
        return new DeadWorkerReaper(
                jobRepository, settings.repository(), settings.kafka().poll());
    }

    /**
     * Requests are sent synchronously, so a broker that does not come back within {@code kafka.broker-wait-ms}
     * fails the step, with a line that names it (see {@link DeadWorkerReaper#afterStep} for what becomes of the
     * partitions whose requests were sent or not).
     * They are spread evenly over the topic's partitions, which the workers' consumers share out in
     * contiguous ranges, so that with as many worker threads as requests each thread gets one.
     */
    @Bean
    IntegrationFlow partitionRequestsToKafka(
            DirectChannel partitionRequests,
            JobSettings settings,
            DefaultKafkaProducerFactory<String, String> partitionRequestProducers) {
        KafkaSettings kafka = settings.kafka();
        return IntegrationFlow.from(partitionRequests)
                .transform(StepExecutionRequest.class, PartitionRequests::encode)
                .handle(
                        Kafka.outboundChannelAdapter(new KafkaTemplate<>(partitionRequestProducers))
                                .topic(kafka.topic())
                                .partitionId(m -> spread(m.getHeaders(), kafka.topicPartitions()))
                                .sync(true),
                        endpoint -> endpoint.advice(new AbstractRequestHandlerAdvice() {
                            @Override
                            protected Object doInvoke(ExecutionCallback callback, Object target, Message<?> message) {
                                try {
                                    return callback.execute();
                                } catch (RuntimeException e) {
                                    throw BrokerUnavailableException.sending(kafka, e);
                                }
                            }
                        }))
                .get();
    }

    @Bean
    DefaultKafkaProducerFactory<String, String> partitionRequestProducers(JobSettings settings) {
        return KafkaClients.producers(settings.kafka());
    }

    /** Request number n of size goes to topic partition n * partitions / size. */
    static int spread(MessageHeaders headers, int partitions) {
        Integer n = headers.get(IntegrationMessageHeaderAccessor.SEQUENCE_NUMBER, Integer.class);
        Integer size = headers.get(IntegrationMessageHeaderAccessor.SEQUENCE_SIZE, Integer.class);
        if (n == null || size == null || size <= 0) {
            return 0;
        }
        return (int) ((long) n * partitions / size) % partitions;
    }
}
