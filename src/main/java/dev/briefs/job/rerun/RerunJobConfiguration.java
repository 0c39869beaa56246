package dev.briefs.job.rerun;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.brief.BriefCounters;
import dev.briefs.brief.BriefMaker;
import dev.briefs.brief.BriefRepair;
import dev.briefs.brief.StageTimers;
import dev.briefs.job.locks.ArticleIdLocks;
import dev.briefs.job.nightly.BriefFileWriter;
import dev.briefs.job.nightly.BriefSteps;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.StoryBook;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code rerun-failed} job: the date's open ledger entries, redone article by article and
 * merged into the existing briefs (the ledger resolves what now succeeds), then the digest is
 * rebuilt from the per-article files, so no line can appear twice.
 */
@Configuration(proxyBeanMethods = false)
public class RerunJobConfiguration {

    public static final String JOB_NAME = "rerun-failed";
    /** The step that redoes the failures and writes the briefs. */
    public static final String REPAIR_STEP = "repairFailures";

    @Bean
    Job rerunFailed(JobRepository jobRepository, Step repairFailures, Step digest) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(repairFailures)
                .next(digest)
                .build();
    }

    @Bean
    Step repairFailures(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            JobSettings settings,
            OpenFailureReader openFailures,
            BriefRepair repair,
            BriefFileWriter briefWriter) {
        return BriefSteps.briefStep(
                REPAIR_STEP,
                jobRepository,
                transactionManager,
                settings.partitioning().commitInterval(),
                openFailures,
                new RepairProcessor(repair, briefWriter, settings.date()),
                briefWriter);
    }

    @Bean
    @StepScope
    OpenFailureReader openFailures(FailureLedger ledger, JobSettings settings) {
        return new OpenFailureReader(ledger, settings.date().toString());
    }

    @Bean
    BriefRepair briefRepair(BriefMaker maker, ArticleFileReader reader, JobSettings settings, StageTimers timers) {
        return new BriefRepair(
                maker, reader, settings.folders().input(), settings.folders().output(), timers);
    }

    @Bean
    BriefFileWriter briefWriter(
            JobSettings settings,
            RunProgress progress,
            FailureLedger ledger,
            DataSource dataSource,
            StageTimers timers,
            BriefCounters counters,
            StoryBook stories) {
        // rerun-failed never groups the day: its briefs point to the stories the night recorded.
        return new BriefFileWriter(
                settings.folders().output(),
                settings.date().toString(),
                progress,
                ledger,
                ArticleIdLocks.forRepository(dataSource, settings.repository()),
                timers,
                counters,
                stories);
    }
}
