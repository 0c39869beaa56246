package dev.briefs.job;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.LanguageDetector;
import dev.briefs.batch.BatchedGeneration;
import dev.briefs.brief.BriefCounters;
import dev.briefs.brief.BriefMaker;
import dev.briefs.brief.StageTimers;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.StoryRecords;
import dev.briefs.inference.GenerationModels;
import dev.briefs.cache.CachingTextGenerator;
import dev.briefs.cache.OutputCache;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.model.ModelRevisions;
import dev.briefs.inference.SentenceEmbeddingModel;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.summarise.AbstractiveSummariser;
import dev.briefs.summarise.EmbeddingVectors;
import dev.briefs.summarise.ExtractiveSummariser;
import dev.briefs.summarise.LexicalVectors;
import dev.briefs.summarise.Summariser;
import dev.briefs.summarise.SummarisersByLanguage;
import dev.briefs.translate.ModelTranslators;
import dev.briefs.translate.Routes;
import dev.briefs.translate.Translator;
import dev.briefs.trust.BriefChecker;
import dev.briefs.trust.RoundTripScorer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly-briefs} job: a partitioned step that turns each article into its brief
 * files, then a step that rebuilds the day's digest from those files.
 *
 * <pre>
 * stories: the day's articles grouped by story, recorded in the job repository (once a date; see StoriesTasklet)
 * articles (partitioned over the input files: local threads, or remote workers over Kafka)
 *   └─ articleWorker: read articles ─ per chunk of articles: language, chunks, summaries, translations
 *                     (model work of the whole chunk batched) ─ write ID.json, ID.md, ledger
 * digest: briefs.jsonl, digest.md, digest.html, briefs.atom from the ID.json files, one entry a story
 * </pre>
 *
 * Failures are handled as {@link BriefSteps} describes, so no article is lost.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly-briefs";
    /** The step that splits the day into partitions; {@link LocalPartitionsConfiguration} or the remote manager's. */
    public static final String PARTITION_STEP = "articles";
    /** The step that groups the day's articles into stories, before any is briefed; always in this process. */
    public static final String STORIES_STEP = "stories";
    /** The step that briefs one partition, here or on a remote worker. */
    public static final String WORKER_STEP = "articleWorker";
    /** Which role this process has: {@code local} (the default), {@code manager} or {@code worker}. */
    public static final String ROLE = "briefs.role";

    @Bean
    Job nightlyBriefs(JobRepository jobRepository, Step stories, Step articles, Step digest) {
        return new JobBuilder(JOB_NAME, jobRepository).start(stories).next(articles).next(digest).build();
    }

    @Bean
    Step stories(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobSettings settings,
                 ArticleFileReader fileReader, SentenceEmbeddingModel embeddings, StoryRecords storyRecords) {
        StoryFinder finder = new StoryFinder(fileReader, new LanguageDetector(settings.detectLanguages()), embeddings,
                settings.modelsDir(), settings.stories());
        return new StepBuilder(STORIES_STEP, jobRepository)
                .tasklet(new StoriesTasklet(finder, storyRecords, settings.stories(), settings.input(),
                        settings.date().toString()), transactionManager)
                .listener(new DateLogging())
                .build();
    }

    @Bean
    Step articleWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobSettings settings,
                       PartitionArticleReader articleReader, ArticleBriefsWriter articleBriefsWriter) {
        return BriefSteps.batchedBriefStep(WORKER_STEP, jobRepository, transactionManager, settings.commitInterval(),
                articleReader, articleBriefsWriter);
    }

    /*
     * The worker step's reader and writer take the date and folders from the run's parameters, not
     * from this process's settings: a remote worker runs partitions of any date it is sent.
     */
    @Bean
    @StepScope
    PartitionArticleReader articleReader(ArticleFileReader fileReader,
                                         @Value("#{jobParameters['" + RunRecord.INPUT + "']}") String input,
                                         @Value("#{stepExecutionContext['" + ArticleFilePartitioner.FILES + "']}") List<String> files,
                                         StageTimers timers) {
        return new PartitionArticleReader(Path.of(input), files, fileReader::open, timers);
    }

    @Bean
    @StepScope
    ArticleBriefsWriter articleBriefsWriter(BriefMaker briefMaker, RunProgress progress, FailureLedger ledger,
                                            DataSource dataSource, JobSettings settings, StageTimers timers,
                                            BriefCounters counters, StoryBook stories,
                                            @Value("#{jobParameters['date']}") String date,
                                            @Value("#{jobParameters['" + RunRecord.OUTPUT + "']}") String output) {
        BriefFileWriter files = new BriefFileWriter(Path.of(output), date, progress, ledger,
                ArticleIdLocks.forRepository(dataSource, settings.repository()), timers, counters, stories);
        return new ArticleBriefsWriter(briefMaker, LocalDate.parse(date), files,
                new FailedArticleLimit(ledger, date, settings.skipLimit()));
    }

    @Bean
    Step digest(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobSettings settings,
                StoryBook stories) {
        return new StepBuilder("digest", jobRepository)
                .tasklet(new DigestTasklet(settings.output(), settings.date().toString(), stories), transactionManager)
                .listener(new DateLogging())
                .build();
    }

    /** Time per stage, for the run's report and the metrics file. */
    @Bean
    StageTimers stageTimers(MeterRegistry registry) {
        return new StageTimers(registry);
    }

    @Bean
    BriefCounters briefCounters(MeterRegistry registry) {
        return new BriefCounters(registry);
    }

    /** Its table is made by the repository's migrations (RepositorySchemaConfiguration), which run first. */
    @Bean
    @DependsOnDatabaseInitialization
    FailureLedger failureLedger(DataSource dataSource) {
        return new FailureLedger(dataSource, Clock.systemUTC());
    }

    @Bean
    @DependsOnDatabaseInitialization
    StoryRecords storyRecords(DataSource dataSource) {
        return new StoryRecords(dataSource, Clock.systemUTC());
    }

    /** The job file's switch is this process's: a remote worker writes with its own job file, the same one. */
    @Bean
    StoryBook storyBook(StoryRecords records, JobSettings settings) {
        return new StoryBook(records, settings.stories());
    }

    @Bean
    ArticleFileReader articleFileReader(JobSettings settings) {
        return new ArticleFileReader(settings.maxFileBytes(), settings.linksMayLeaveInput());
    }

    @Bean
    ModelCallRetry modelCallRetry(JobSettings settings, MeterRegistry registry) {
        return new SpringModelCallRetry(settings.maxRetries(), settings.retryDelay(), registry);
    }

    @Bean
    BatchedGeneration batchedGeneration(JobSettings settings, ModelCallRetry retry) {
        return new BatchedGeneration(settings.batch(), retry);
    }

    @Bean(destroyMethod = "close")
    SentenceEmbeddingModel sentenceEmbeddingModel() {
        return SentenceEmbeddingModel.loadBundled();
    }

    @Bean(destroyMethod = "close")
    GenerationModels generationModels(JobSettings settings, ObjectProvider<ModelDecorator> decorator,
                                      MeterRegistry registry, OutputCache cache) {
        // Timing each graph run costs two clock reads and an atomic add, against milliseconds of ONNX Runtime work.
        OnnxModelOptions options = OnnxModelOptions.defaults()
                .withVariant(settings.variant())
                .withSession(settings.onnx())
                .withMeterRegistry(registry);
        // The cache is outermost: an output it has is not asked of the model (nor of a test's wrapper).
        ModelDecorator wrapped = decorator.getIfAvailable(() -> ModelDecorator.NONE);
        ModelRevisions files = new ModelRevisions(settings.modelsDir());
        ModelDecorator cached = (name, model) -> CachingTextGenerator.wrap(name, files.filesFingerprint(name),
                wrapped.decorate(name, model), cache);
        return new GenerationModels(settings.modelsDir(), cached, options);
    }

    /**
     * A summarisation model named for a language and installed is used for that language; every
     * other language gets the bundled extractive summariser. Models load here, at start-up, so a
     * broken one stops the run before any article is read.
     */
    @Bean
    Summariser summariser(SentenceEmbeddingModel embeddings, GenerationModels models, JobSettings settings,
                          ModelCallRetry retry, BatchedGeneration batches) {
        // all-MiniLM-L6-v2 was trained on English; other languages get language-agnostic vectors.
        Summariser extractive = new ExtractiveSummariser(
                new EmbeddingVectors(embeddings, Math.min(settings.chunkTokens(), SentenceEmbeddingModel.MAX_TOKENS - 2)),
                Set.of("en"), new LexicalVectors(), retry);
        Map<String, Summariser> byLanguage = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        settings.summariseModels().forEach((language, name) -> {
            if (models.installed(name)) {
                byLanguage.put(language, new AbstractiveSummariser(name, models.get(name), settings.chunkTokens(), batches));
            } else {
                missing.put(language, name);
            }
        });
        return new SummarisersByLanguage(byLanguage, extractive, missing);
    }

    /**
     * Each language pair takes the best route through the installed models (see {@link Routes}): the
     * job file's models first, then those the catalog beside them lists. The models the job file names
     * load here, at start-up, so a broken one stops the run before any article is read; others load
     * when a route first needs them.
     */
    @Bean
    Translator translator(JobSettings settings, GenerationModels models, BatchedGeneration batches) {
        Routes routes = new Routes(settings.translateModels(), settings.translateRoutes(),
                CatalogRoutes.translationModels(settings.modelsDir()), models::installed,
                name -> models.get(name).multilingual());
        ModelTranslators translators = new ModelTranslators(routes, models, settings.chunkTokens(), batches);
        List<String> named = new ArrayList<>(settings.translateModels().values());
        named.addAll(Routes.forcedModels(settings.translateRoutes()));
        translators.loadInstalled(named);
        return translators;
    }

    /**
     * The checks go through the same translator as the translations, so their round trips share model calls,
     * the output cache and the retries; the fact checker is the JVM's one, built when the first brief is checked.
     */
    @Bean
    BriefMaker briefMaker(JobSettings settings, Summariser summariser, Translator translator, StageTimers timers,
                          SentenceEmbeddingModel embeddings) {
        BriefChecker checks = settings.checks().enabled()
                ? new BriefChecker(settings.checks(), translator, new RoundTripScorer(embeddings)) : BriefChecker.OFF;
        return BriefMaker.builder().detector(new LanguageDetector(settings.detectLanguages())).summariser(summariser)
                .translator(translator).targetLanguages(settings.languages()).maxWords(settings.maxWords())
                .revisions(new ModelRevisions(settings.modelsDir())).timers(timers).checks(checks).build();
    }
}
