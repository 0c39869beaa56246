package dev.briefs.job;

import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.StageTimers;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.report.RunReport;
import dev.briefs.report.RunReportFile;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** Makes and writes the report of a run that ended, while its context (timers, ledger) is still there. */
final class RunReports {

    private static final Logger LOG = LoggerFactory.getLogger(RunReports.class);

    private RunReports() {
    }

    /**
     * @return the report, or null when the output folder cannot be read: the run's own outcome says
     *         why, and a missing report must not hide it
     */
    static RunReport write(ConfigurableApplicationContext context, JobSettings settings, String jobName, Duration wall) {
        String date = settings.date().toString();
        try {
            RunReport report = RunReport.of(date, command(jobName), BriefFiles.readAll(settings.output()),
                    context.getBean(FailureLedger.class).open(date), context.getBean(StageTimers.class), wall);
            RunReportFile.write(settings.output(), report);
            return report;
        } catch (IOException | RuntimeException e) {
            LOG.warn("no report of this run: {}", e.getMessage());
            return null;
        }
    }

    private static String command(String jobName) {
        return RerunJobConfiguration.JOB_NAME.equals(jobName) ? "rerun-failed" : "run";
    }
}
