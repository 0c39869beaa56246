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
 * A child JVM for crash tests: runs the nightly job and, at a chosen point, prints {@code PAUSED}
 * and stops dead so that the test can kill it there with kill -9.
 *
 * <p>Arguments: JOB_FILE DATE POINT [force], where POINT is {@code model-call:N} (inside the N-th model
 * call), {@code written:N} (right after the N-th brief file is written, before its chunk commits)
 * or {@code none}; {@code force} runs as {@code run --force} does.
 */
public final class CrashingRun {

    private CrashingRun() {}

    public static void main(String[] args) throws Exception {
        Path job = Path.of(args[0]);
        JobSettings settings = JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(args[1]), null, null);
        String[] point = args[2].split(":");
        int at = point.length > 1 ? Integer.parseInt(point[1]) : -1;
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        RunProgress progress = brief -> {
            if (point[0].equals("written") && written.incrementAndGet() == at) {
                pause();
            }
        };
        ModelDecorator decorator = InterceptedModels.before((name, text) -> {
            if (point[0].equals("model-call") && calls.incrementAndGet() == at) {
                pause();
            }
        });
        boolean force = args.length > 3 && args[3].equals("force");
        JobRunner.Outcome outcome = JobRunner.runNightly(
                settings, force, progress, ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
        System.out.println("OUTCOME " + outcome.status() + " " + (outcome.failure() == null ? "" : outcome.failure()));
        System.exit(outcome.status() == JobRunner.Status.COMPLETED ? 0 : 1);
    }

    private static void pause() {
        System.out.println("PAUSED");
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
