package dev.briefs.job.nightly;

import dev.briefs.job.settings.JobSettings;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The single-machine role: the day's partitions run as threads of this process. A worker process
 * has this step too, unused, because the job it belongs to is defined in every process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${" + NightlyJobConfiguration.ROLE + ":local}' != 'manager'")
public class LocalPartitionsConfiguration {

    @Bean
    Step articles(JobRepository jobRepository, Step articleWorker, JobSettings settings) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("briefs-");
        executor.setConcurrencyLimit(settings.partitioning().partitions());
        return new StepBuilder(NightlyJobConfiguration.PARTITION_STEP, jobRepository)
                .partitioner(
                        NightlyJobConfiguration.WORKER_STEP,
                        new ArticleFilePartitioner(settings.folders().input()))
                .step(articleWorker)
                .gridSize(settings.partitioning().partitions())
                .taskExecutor(executor)
                .build();
    }
}
