package dev.briefs.support;

import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.remote.WorkerRunner;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker JVM for scale-out tests: the real worker, with its model calls counted on standard
 * output ({@code MODEL_CALL}) and, at a chosen call, a stop dead ({@code PAUSED}) for the test to kill it there.
 *
 * <p>Arguments: JOB_FILE POINT, where POINT is {@code model-call:N}, {@code slow:MS} (each model call
 * takes MS longer, so that a test can act while a partition runs), {@code fail-model:NAME} (every
 * call of that model fails as a timed-out call would) or {@code none}.
 */
public final class TestWorker {

    private TestWorker() {}

    public static void main(String[] args) throws Exception {
        Path job = Path.of(args[0]);
        JobSettings settings =
                JobSettings.resolve(job, JobFiles.read(job), LocalDate.now(ZoneId.systemDefault()), null, null);
        String[] point = args[1].split(":");
        int at = point[0].equals("model-call") ? Integer.parseInt(point[1]) : -1;
        long slow = point[0].equals("slow") ? Long.parseLong(point[1]) : 0;
        String failing = point[0].equals("fail-model") ? point[1] : null;
        AtomicInteger calls = new AtomicInteger();
        ModelDecorator decorator = InterceptedModels.before((name, text) -> {
            if (name.equals(failing)) {
                throw new UncheckedIOException(new IOException("injected: " + name + " timed out"));
            }
            int n = calls.incrementAndGet();
            System.out.println("MODEL_CALL " + n);
            System.out.flush();
            if (slow > 0) {
                try {
                    Thread.sleep(slow);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (n == at) {
                System.out.println("PAUSED");
                System.out.flush();
                sleepForever();
            }
        });
        WorkerRunner.run(
                settings,
                1,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
