package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.support.Outputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a restart of the job repository's database can leave recorded of the night it failed, and what
 * {@code run} makes of it. Whether a process's last writes met the database gone or back decides it: a step whose
 * last write failed stays marked running under a run that ended, and Spring Batch marks UNKNOWN a step or run
 * whose end it could not record at first but could a moment later. Spring Batch refuses to restart either ("a
 * run is already in progress", "Cannot restart job from UNKNOWN status"), so before this the date could not be
 * completed without editing the repository by hand. Both records are seen in {@link ScaledOutDatabaseRestartTest}
 * runs, which of them depends on timing; here they are written through Spring Batch's own repository, as its
 * steps write them, on a night failed part way, so that each is tried every time.
 */
class DatabaseOutageRecordsTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    @Test
    void runGoesOnFromARunLeftUnknownAndFromAPartitionLeftRunningUnderAFailedRun() throws IOException {
        Map<String, String> cleanNight = ForcedRunResumeTest.cleanNight();
        Path job = ForcedRunResumeTest.prepare(Files.createDirectories(root.resolve("night")));

        // A night that fails after its first brief; its run and its steps left UNKNOWN.
        assertThat(runFailingAtBrief(job, 2).status()).isEqualTo(JobRunner.Status.FAILED);
        leave(job, BatchStatus.UNKNOWN, s -> !s.getStepName().equals("stories"), BatchStatus.UNKNOWN);
        // Run again: it goes on, and fails after one more brief; its partition left marked running.
        assertThat(runFailingAtBrief(job, 2).status()).isEqualTo(JobRunner.Status.FAILED);
        leave(job, BatchStatus.FAILED, s -> s.getStepName().startsWith(NightlyJobConfiguration.WORKER_STEP), null);

        JobSettings recorded = JobRunner.withRunRecord(settings(job), false, false, "run", "--force");
        JobRunner.Outcome again = JobRunner.runNightly(recorded, false, RunProgress.NONE);

        assertThat(again.status()).as(again.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(Outputs.snapshot(recorded.folders().output())).isEqualTo(cleanNight);
        List<String> runs = JobRunner.inspect(settings(job), RunHistory::of).runs();
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0)).contains("FAILED").contains(" 1 briefs written");
        assertThat(runs.get(1)).contains("FAILED").contains(" 1 briefs written");
        assertThat(runs.get(2)).contains("COMPLETED").contains(" 2 briefs written");
    }

    /** Runs the date with a bug that fails it as the n-th brief of this run is written, before its chunk commits. */
    private static JobRunner.Outcome runFailingAtBrief(Path job, int n) throws IOException {
        int[] written = {0};
        RunProgress buggy = brief -> {
            if (++written[0] == n) {
                throw new IllegalStateException("a bug at brief " + n);
            }
        };
        JobSettings recorded = JobRunner.withRunRecord(settings(job), false, false, "run", "--force");
        return JobRunner.runNightly(recorded, false, buggy);
    }

    /**
     * Records the date's last run as {@code run}, and its steps that {@code steps} picks as {@code step}, or as
     * still running (STARTED) where {@code step} is null.
     */
    private static void leave(Path job, BatchStatus run, Predicate<StepExecution> steps, BatchStatus step)
            throws IOException {
        JobRunner.inspect(settings(job), ctx -> {
            JobRepository repository = ctx.getBean(JobRepository.class);
            JobExecution last = repository.getLastJobExecution(repository
                    .findJobInstances(NightlyJobConfiguration.JOB_NAME)
                    .get(0));
            for (StepExecution s : last.getStepExecutions()) {
                if (steps.test(s)) {
                    s.setStatus(step == null ? BatchStatus.STARTED : step);
                    repository.update(s);
                }
            }
            last.setStatus(run);
            repository.update(last);
            return null;
        });
    }

    private static JobSettings settings(Path job) throws IOException {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }
}
