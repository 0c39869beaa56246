package dev.briefs.job.remote;

import dev.briefs.job.launch.JobContexts;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Runs this process as a worker until it is told to stop. On SIGTERM (a deployment rolling, a
 * machine draining) or SIGINT it takes no new partition, lets each running partition finish its
 * current chunk and stop there, committed, and only then closes: nothing half-written is left, and
 * the run's restart goes on from where the partitions stopped.
 *
 * <p>The signals are handled here rather than in a JVM shutdown hook: shutdown hooks run all at
 * once, and the native model runtime frees its sessions in one of its own while a partition would
 * still be running a model call on them (a crash, seen in testing). Handling the signal first lets
 * the partitions end before the JVM begins to shut down.
 */
public final class WorkerRunner {

    /** How long a partition may take to reach its next chunk boundary once asked to stop. */
    public static final Duration STOP_PATIENCE = Duration.ofMinutes(5);

    private WorkerRunner() {}

    /** Blocks until SIGTERM or SIGINT, then stops as described above and returns. */
    @SafeVarargs
    public static void run(
            JobSettings settings,
            int threads,
            RunProgress progress,
            ApplicationContextInitializer<ConfigurableApplicationContext>... extras)
            throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        try (ConfigurableApplicationContext context = JobContexts.start(
                // its sessions' share of the machine's compute threads is that of `threads` partitions at once
                settings.forWorker(threads),
                JobContexts.Role.WORKER,
                progress,
                List.of(extras),
                false,
                Map.of(WorkerConfiguration.THREADS, threads))) {
            stop.await();
            context.getBean(PartitionRequestHandler.class).stopAfterCurrentChunks(STOP_PATIENCE);
        }
    }
}
