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
 * The single-machine role: the day's partitions, of the planning step and of the brief step, run as threads of this
 * process. A worker process
 * has this step too, unused, because the job it belongs to is defined in every process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${" + NightlyJobConfiguration.ROLE + ":local}' != 'manager'")
public class LocalPartitionsConfiguration {

    @Bean
    Step models(JobRepository jobRepository, Step modelWorker, JobSettings settings) {
        return partitioned(
                NightlyJobConfiguration.PLANNING_STEP,
                NightlyJobConfiguration.PLANNING_WORKER_STEP,
                modelWorker,
                jobRepository,
                settings);
    }

    @Bean
    Step articles(JobRepository jobRepository, Step articleWorker, JobSettings settings) {
        return partitioned(
                NightlyJobConfiguration.PARTITION_STEP,
                NightlyJobConfiguration.WORKER_STEP,
                articleWorker,
                jobRepository,
                settings);
    }

    /* Both partitioned steps deal the files alike, so a partition plans exactly the articles it then briefs. */
    private static Step partitioned(
            String name, String workerName, Step worker, JobRepository jobRepository, JobSettings settings) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("briefs-");
        executor.setConcurrencyLimit(settings.partitioning().partitions());
        return new StepBuilder(name, jobRepository)
                .partitioner(
                        workerName,
                        new ArticleFilePartitioner(settings.folders().input()))
                .step(worker)
                .gridSize(settings.partitioning().partitions())
                .taskExecutor(executor)
                .build();
    }
}
