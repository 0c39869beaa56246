package dev.briefs.job.launch;

import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunParameters;
import dev.briefs.job.rerun.RerunJobConfiguration;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.LedgerEntry;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;

/** A date's runs as the job repository has them, and its rows of the failure ledger. */
public record RunHistory(List<String> runs, List<LedgerEntry> failures) {

    public static RunHistory of(ApplicationContext context) {
        JobSettings settings = context.getBean(JobSettings.class);
        JobRepository repository = context.getBean(JobRepository.class);
        String date = settings.date().toString();
        List<JobExecution> executions = new ArrayList<>();
        for (String job : List.of(NightlyJobConfiguration.JOB_NAME, RerunJobConfiguration.JOB_NAME)) {
            for (JobInstance instance : repository.findJobInstances(job)) {
                for (JobExecution e : repository.getJobExecutions(instance)) {
                    if (date.equals(e.getJobParameters().getString(RunParameters.DATE))) {
                        executions.add(e);
                    }
                }
            }
        }
        executions.sort(Comparator.comparing(JobExecution::getCreateTime));
        List<String> runs = new ArrayList<>();
        for (JobExecution e : executions) {
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
                    e.getExitStatus().getExitDescription().isBlank()
                            ? ""
                            : " (" + firstLine(e.getExitStatus().getExitDescription()) + ")"));
        }
        return new RunHistory(runs, context.getBean(FailureLedger.class).all(date));
    }

    private static String seconds(LocalDateTime t) {
        return t == null ? "-" : t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
