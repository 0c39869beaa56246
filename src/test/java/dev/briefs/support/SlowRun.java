package dev.briefs.support;

import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM for fault tests that act while a night runs: the nightly job with every model call
 * slowed by a few milliseconds, printing {@code BRIEF n} as the n-th brief file is written, and at
 * the end {@code OUTCOME status failure} and the exit status {@code run} would have (0, 1 or 3).
 *
 * <p>Arguments: JOB_FILE DATE DELAY_MS.
 */
public final class SlowRun {

    private SlowRun() {}

    public static void main(String[] args) throws Exception {
        Path job = Path.of(args[0]);
        JobSettings settings = JobRunner.withRunRecord(
                JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(args[1]), null, null),
                false,
                false,
                "run",
                "--force");
        long delay = Long.parseLong(args[2]);
        AtomicInteger written = new AtomicInteger();
        RunProgress progress = brief -> {
            System.out.println("BRIEF " + written.incrementAndGet());
            System.out.flush();
        };
        ModelDecorator decorator = InterceptedModels.before((name, text) -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        JobRunner.Outcome outcome = JobRunner.runNightly(
                settings, false, progress, ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
        System.out.println("OUTCOME " + outcome.status() + " " + (outcome.failure() == null ? "" : outcome.failure()));
        System.out.println("SECONDS " + (System.nanoTime() - start) / 1_000_000_000L);
        System.out.flush();
        int exit = outcome.status() != JobRunner.Status.COMPLETED
                ? 1
                : outcome.report().allComplete() ? 0 : 3;
        System.exit(exit);
    }
}
