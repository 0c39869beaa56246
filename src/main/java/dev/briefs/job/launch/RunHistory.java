package dev.briefs.job.launch;

import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.rerun.RerunJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.LedgerEntry;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;

/**
 * A date's runs as the job repository has them, and its rows of the failure ledger.
 *
 * @param unfinished why the day is not done, when the date's newest nightly run ended without completing
 *                   (failed, stopped): its status and first cause, e.g. {@code FAILED: NullPointerException: ...};
 *                   null when it completed, is under way, or the date never ran
 */
public record RunHistory(List<String> runs, List<LedgerEntry> failures, String unfinished) {

    public static RunHistory of(ApplicationContext context) {
        JobSettings settings = context.getBean(JobSettings.class);
        List<JobExecution> executions = DateExecutions.in(context)
                .all(settings.date(), NightlyJobConfiguration.JOB_NAME, RerunJobConfiguration.JOB_NAME);
        List<String> runs = new ArrayList<>();
        String unfinished = null;
        for (JobExecution e : executions) {
            if (e.getJobInstance().getJobName().equals(NightlyJobConfiguration.JOB_NAME)) {
                unfinished = e.getStatus().isUnsuccessful() || e.getStatus() == BatchStatus.STOPPED
                        ? e.getStatus() + ": " + cause(e)
                        : null;
            }
            long written = e.getStepExecutions().stream()
                    .filter(s -> s.getStepName().startsWith("articleWorker")
                            || s.getStepName().equals("repairFailures"))
                    .mapToLong(StepExecution::getWriteCount)
                    .sum();
            runs.add(String.format(
                    "%s #%d %s, started %s, ended %s, %d briefs written%s",
                    e.getJobInstance().getJobName(),
                    e.getId(),
                    e.getStatus(),
                    seconds(e.getStartTime()),
                    seconds(e.getEndTime()),
                    written,
                    cause(e).isBlank() ? "" : " (" + cause(e) + ")"));
        }
        return new RunHistory(
                runs, context.getBean(FailureLedger.class).all(settings.date().toString()), unfinished);
    }

    /** What ended an execution: the first line of its exit description, where a failed run's cause is put (DateRun). */
    private static String cause(JobExecution e) {
        return firstLine(e.getExitStatus().getExitDescription());
    }

    private static String seconds(LocalDateTime t) {
        return t == null ? "-" : t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
