package dev.briefs.job.nightly;

import dev.briefs.article.ArticleInput;
import dev.briefs.brief.BriefResult;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.transaction.PlatformTransactionManager;

/** The chunk-oriented steps of both jobs share their end: briefs written, failures in the ledger, nothing lost. */
public final class BriefSteps {

    private BriefSteps() {}

    /**
     * Model calls are retried inside the processor (per chunk of text), which turns an article's own
     * failure into a failed brief (see {@link RepairProcessor}). Nothing is skipped: a failure that
     * escapes, a bug or a failed write, fails the step, to be restarted.
     */
    public static <I> Step briefStep(
            String name,
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            int commitInterval,
            ItemReader<I> reader,
            ItemProcessor<I, BriefResult> processor,
            BriefFileWriter writer) {
        return new StepBuilder(name, jobRepository)
                .<I, BriefResult>chunk(commitInterval)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .transactionManager(transactionManager)
                .listener(new DateLogging())
                .build();
    }

    /**
     * The nightly job's step: articles go to the writer a chunk at a time, which makes their
     * briefs together so that their model work shares model calls, and records any article it
     * cannot brief itself (see {@link ArticleBriefsWriter}). The reader gives unreadable files as
     * items, so nothing is left to skip: a failure that escapes fails the step, to be restarted.
     */
    public static Step batchedBriefStep(
            String name,
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            int commitInterval,
            ItemReader<ArticleInput> reader,
            ArticleBriefsWriter writer) {
        return new StepBuilder(name, jobRepository)
                .<ArticleInput, ArticleInput>chunk(commitInterval)
                .reader(reader)
                .writer(writer)
                .transactionManager(transactionManager)
                .listener(new DateLogging())
                .build();
    }
}
