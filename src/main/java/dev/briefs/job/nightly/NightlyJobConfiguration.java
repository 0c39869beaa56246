package dev.briefs.job.nightly;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.brief.BriefCounters;
import dev.briefs.brief.BriefMaker;
import dev.briefs.brief.ModelWorkPlanner;
import dev.briefs.brief.StageTimers;
import dev.briefs.cache.CacheSettings;
import dev.briefs.cache.OutputCache;
import dev.briefs.job.locks.ArticleIdLocks;
import dev.briefs.job.settings.FailureSettings;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.job.settings.PartitionSettings;
import dev.briefs.job.settings.RepositorySettings;
import dev.briefs.job.wiring.ArticlesConfiguration;
import dev.briefs.job.wiring.BriefMakingConfiguration;
import dev.briefs.job.wiring.MetricsConfiguration;
import dev.briefs.job.wiring.ModelsConfiguration;
import dev.briefs.job.wiring.OutputCacheConfiguration;
import dev.briefs.job.wiring.RecordsConfiguration;
import dev.briefs.job.wiring.RepositorySchemaConfiguration;
import dev.briefs.job.wiring.SettingsConfiguration;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.StoryBook;
import dev.briefs.ledger.StoryRecords;
import dev.briefs.story.StoryFinder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly-briefs} job: a partitioned step that turns each article into its brief
 * files, then a step that rebuilds the day's digest from those files. The objects the steps use are
 * made by the {@code job.wiring} configurations it imports, one a concern.
 *
 * <pre>
 * stories: the day's articles grouped by story, recorded in the job repository (once a date; see StoriesTasklet)
 * models (partitioned as articles is, the same partitions)
 *   └─ modelWorker: read a window of articles (batch.plan-window) ─ stage by stage over the whole window:
 *                   summary chunks and reduce rounds, translations, round trips ─ outputs to the output cache only
 * articles (partitioned over the input files: local threads, or remote workers over Kafka)
 *   └─ articleWorker: read articles ─ per chunk of articles: language, chunks, summaries, translations, checks
 *                     (model outputs from the cache; what is not there, batched over the chunk) ─ write ID.json,
 *                     ID.md, ledger
 * digest: briefs.jsonl, digest.md, digest.html, briefs.atom from the ID.json files, one entry a story
 * </pre>
 *
 * Failures are handled as {@link BriefSteps} describes, so no article is lost.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    SettingsConfiguration.class,
    RepositorySchemaConfiguration.class,
    MetricsConfiguration.class,
    RecordsConfiguration.class,
    ArticlesConfiguration.class,
    OutputCacheConfiguration.class,
    ModelsConfiguration.class,
    BriefMakingConfiguration.class
})
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly-briefs";
    /** The step that splits the day into partitions; {@link LocalPartitionsConfiguration} or the remote manager's. */
    public static final String PARTITION_STEP = "articles";
    /** The step that groups the day's articles into stories, before any is briefed; always in this process. */
    public static final String STORIES_STEP = "stories";
    /** The step that briefs one partition, here or on a remote worker. */
    public static final String WORKER_STEP = "articleWorker";
    /** The step that splits the day into partitions for the planning step, the same partitions as {@link #PARTITION_STEP}'s. */
    public static final String PLANNING_STEP = "models";
    /** The step that makes one partition's model work ahead of its briefs, here or on a remote worker. */
    public static final String PLANNING_WORKER_STEP = "modelWorker";
    /** The partitions' own steps, which run here or on a remote worker: a partition's step name starts with one and ':'. */
    public static final List<String> WORKER_STEPS = List.of(PLANNING_WORKER_STEP, WORKER_STEP);
    /** Which role this process has: {@code local} (the default), {@code manager} or {@code worker}. */
    public static final String ROLE = "briefs.role";

    @Bean
    Job nightlyBriefs(JobRepository jobRepository, Step stories, Step models, Step articles, Step digest) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(stories)
                .next(models)
                .next(articles)
                .next(digest)
                .build();
    }

    /* The stories step always runs in the process that launched the night, so this process's date and folders are the run's. */
    @Bean
    Step stories(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            JobSettings settings,
            StoryFinder finder,
            StoryRecords storyRecords) {
        return new StepBuilder(STORIES_STEP, jobRepository)
                .tasklet(
                        new StoriesTasklet(
                                finder,
                                storyRecords,
                                settings.stories(),
                                settings.folders().input(),
                                settings.date().toString()),
                        transactionManager)
                .listener(new DateLogging())
                .build();
    }

    @Bean
    Step modelWorker(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            ModelWorkTasklet modelWorkTasklet) {
        return new StepBuilder(PLANNING_WORKER_STEP, jobRepository)
                .tasklet(modelWorkTasklet, transactionManager)
                .listener(modelWorkTasklet)
                .listener(new DateLogging())
                .build();
    }

    @Bean
    @StepScope
    ModelWorkTasklet modelWorkTasklet(
            ModelWorkPlanner planner,
            ArticleFileReader fileReader,
            PartitionSettings partitioning,
            CacheSettings cache,
            @Value("#{jobParameters['" + RunParameters.INPUT + "']}") String input,
            @Value("#{jobParameters['" + RunParameters.DATE + "']}") String date,
            @Value("#{stepExecutionContext['" + ArticleFilePartitioner.FILES + "']}") List<String> files) {
        return new ModelWorkTasklet(
                planner,
                new PartitionArticleReader(Path.of(input), files, fileReader::open, StageTimers.detached()),
                LocalDate.parse(date),
                partitioning.planWindow(),
                cache.enabled());
    }

    @Bean
    Step articleWorker(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            PartitionSettings partitioning,
            PartitionArticleReader articleReader,
            ArticleBriefsWriter articleBriefsWriter) {
        return BriefSteps.batchedBriefStep(
                WORKER_STEP,
                jobRepository,
                transactionManager,
                partitioning.commitInterval(),
                articleReader,
                articleBriefsWriter);
    }

    /*
     * The worker step's reader and writer take the date and folders from the run's parameters, not
     * from this process's settings: a remote worker runs partitions of any date it is sent.
     */
    @Bean
    @StepScope
    PartitionArticleReader articleReader(
            ArticleFileReader fileReader,
            @Value("#{jobParameters['" + RunParameters.INPUT + "']}") String input,
            @Value("#{stepExecutionContext['" + ArticleFilePartitioner.FILES + "']}") List<String> files,
            StageTimers timers) {
        return new PartitionArticleReader(Path.of(input), files, fileReader::open, timers);
    }

    @Bean
    @StepScope
    ArticleBriefsWriter articleBriefsWriter(
            BriefMaker briefMaker,
            RunProgress progress,
            FailureLedger ledger,
            DataSource dataSource,
            RepositorySettings repository,
            FailureSettings failures,
            StageTimers timers,
            BriefCounters counters,
            StoryBook stories,
            OutputCache cache,
            PartitionSettings partitioning,
            @Value("#{jobParameters['" + RunParameters.DATE + "']}") String date,
            @Value("#{jobParameters['" + RunParameters.OUTPUT + "']}") String output) {
        BriefFileWriter files = new BriefFileWriter(
                Path.of(output),
                date,
                progress,
                ledger,
                ArticleIdLocks.forRepository(dataSource, repository),
                timers,
                counters,
                stories);
        return new ArticleBriefsWriter(
                briefMaker,
                LocalDate.parse(date),
                files,
                new FailedArticleLimit(ledger, date, failures.skipLimit()),
                cache,
                partitioning.planning());
    }

    /* Like the stories step, the digest runs in the process that launched the night. */
    @Bean
    Step digest(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            JobSettings settings,
            StoryBook stories) {
        return new StepBuilder("digest", jobRepository)
                .tasklet(
                        new DigestTasklet(
                                settings.folders().output(), settings.date().toString(), stories),
                        transactionManager)
                .listener(new DateLogging())
                .build();
    }
}
