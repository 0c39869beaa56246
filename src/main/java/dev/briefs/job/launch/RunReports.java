package dev.briefs.job.launch;

import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.StageTimers;
import dev.briefs.cache.OutputCache;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.rerun.RerunJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.StoryBook;
import dev.briefs.report.RunReport;
import dev.briefs.report.RunReportFile;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/** Makes and writes the report of a run that ended, while its context (timers, ledger) is still there. */
final class RunReports {

    private static final Logger LOG = LoggerFactory.getLogger(RunReports.class);

    private RunReports() {}

    /**
     * @return the report, or null when the output folder cannot be read: the run's own outcome says
     *         why, and a missing report must not hide it
     */
    static RunReport write(
            ConfigurableApplicationContext context,
            JobSettings settings,
            String jobName,
            Duration wall,
            JobExecution execution) {
        String date = settings.date().toString();
        try {
            RunReport report = RunReport.of(
                    date,
                    command(jobName),
                    BriefFiles.readAll(settings.folders().output()),
                    context.getBean(StoryBook.class).of(date),
                    context.getBean(FailureLedger.class).open(date),
                    context.getBean(StageTimers.class),
                    wall,
                    briefed(context.getBean(JobRepository.class).getJobExecution(execution.getId())),
                    cacheUse(context));
            RunReportFile.write(settings.folders().output(), report);
            return report;
        } catch (IOException | RuntimeException e) {
            LOG.warn("no report of this run: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The briefs this run wrote, as the job repository counts them: it has the counts of partitions
     * that ran on remote workers too. Only the steps that write briefs count; the partition step's
     * count sums its partitions', and the digest step's is the whole day.
     */
    private static long briefed(JobExecution stored) {
        return stored.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(NightlyJobConfiguration.WORKER_STEP + ":")
                        || s.getStepName().equals(RerunJobConfiguration.REPAIR_STEP))
                .mapToLong(StepExecution::getWriteCount)
                .sum();
    }

    private static RunReport.CacheUse cacheUse(ConfigurableApplicationContext context) {
        OutputCache.Use use = context.getBean(OutputCache.class).use();
        return new RunReport.CacheUse(use.hits(), use.misses());
    }

    private static String command(String jobName) {
        return RerunJobConfiguration.JOB_NAME.equals(jobName) ? "rerun-failed" : "run";
    }
}
