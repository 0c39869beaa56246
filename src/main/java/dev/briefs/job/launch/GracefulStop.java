package dev.briefs.job.launch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What SIGTERM (a scheduler's stop: Kubernetes before the grace period ends, systemd, a machine going down)
 * and SIGINT (Ctrl-C) do to a launch: the running job is stopped through Spring Batch ({@link
 * JobOperator#stop}), so that each step, local partitions and workers' partitions alike, ends at its next
 * chunk boundary with its work committed; the launcher then writes the report and metrics, closes the
 * context, and the command exits with 128 + the signal's number. The next run goes on from there.
 *
 * <p>Why a signal handler: the JVM's own answer to SIGTERM is to run every shutdown hook at once while the
 * job still runs. H2 closes the embedded database (its DB_CLOSE_ON_EXIT hook) and Spring Boot closes the
 * context under the running chunks, which fail on a closed database; the native model runtime frees its
 * sessions while a model call uses them (see {@code remote.WorkerRunner}, which handles its signals for the
 * same reason). With the signal handled here, the hooks run only when the command exits, after the job ended
 * and its context was closed. Outside a launch the signals do what they did before.
 *
 * <p>A second signal, or a job not ended within {@link #PATIENCE}, halts the process at once, as SIGKILL
 * would: a crash, which the next run recovers from as from any other ({@link InterruptedRuns}).
 */
final class GracefulStop implements AutoCloseable {

    /** How long a launch may take, once asked to stop, to reach its chunk boundaries and close. */
    static final Duration PATIENCE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    /** The handlers in place before the first launch: what a signal does when no launch runs. */
    private static final Map<String, SignalHandler> OUTSIDE = new ConcurrentHashMap<>();
    /** The launches of this process (tests run several at once). */
    private static final Set<GracefulStop> ACTIVE = ConcurrentHashMap.newKeySet();

    private final CountDownLatch ended = new CountDownLatch(1);
    private Signal signal; // the first signal received; guarded by this
    private JobOperator operator; // guarded by this
    private JobRepository repository; // guarded by this
    private Long running; // the job execution to stop, while its job runs; guarded by this

    private GracefulStop() {}

    /** Handles SIGTERM and SIGINT for this launch, until {@link #close}. */
    static GracefulStop install() {
        synchronized (OUTSIDE) {
            if (OUTSIDE.isEmpty()) {
                for (String name : List.of("TERM", "INT")) {
                    Signal s = new Signal(name);
                    SignalHandler before = Signal.handle(s, GracefulStop::received);
                    if (before == SignalHandler.SIG_IGN) {
                        Signal.handle(s, before); // ignored, as SIGINT is in a shell's background job: left so
                    }
                    OUTSIDE.put(name, before);
                }
            }
        }
        GracefulStop stop = new GracefulStop();
        ACTIVE.add(stop);
        return stop;
    }

    /** Learns the job's execution when it starts, to stop it; stops it at once if a signal came first. */
    JobExecutionListener listener(JobOperator jobOperator, JobRepository jobRepository) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                synchronized (GracefulStop.this) {
                    operator = jobOperator;
                    repository = jobRepository;
                    running = execution.getId();
                    if (signal != null) {
                        stopJob();
                    }
                }
            }

            @Override
            public void afterJob(JobExecution execution) {
                synchronized (GracefulStop.this) {
                    running = null;
                }
            }
        };
    }

    /** @return the signal that asked this launch to stop, e.g. {@code TERM}; null when none did */
    synchronized String signal() {
        return signal == null ? null : signal.getName();
    }

    /** @return the number of the signal that asked this launch to stop (15 for SIGTERM); 0 when none did */
    synchronized int signalNumber() {
        return signal == null ? 0 : signal.getNumber();
    }

    @Override
    public void close() {
        ACTIVE.remove(this);
        ended.countDown();
    }

    private static void received(Signal s) {
        List<GracefulStop> launches = List.copyOf(ACTIVE);
        if (launches.isEmpty()) {
            outside(s);
        } else {
            launches.forEach(launch -> launch.stop(s));
        }
    }

    private void stop(Signal s) {
        synchronized (this) {
            if (signal == null) {
                signal = s;
                LOG.warn(
                        "SIG{}: stopping after the current chunk; the same command goes on from there "
                                + "(a second signal stops at once)",
                        s.getName());
                stopJob();
                Thread patience = new Thread(() -> haltUnlessEnded(s), "briefs-stop-patience");
                patience.setDaemon(true);
                patience.start();
                return;
            }
        }
        LOG.warn("SIG{} again: stopping at once; the next run goes on from the last committed chunk", s.getName());
        Runtime.getRuntime().halt(128 + s.getNumber());
    }

    /** Marks the execution STOPPING in the job repository; its steps see it when they commit their next chunk. */
    private void stopJob() {
        if (running == null) {
            return; // not started yet: beforeJob stops it, or already ended
        }
        try {
            JobExecution execution = repository.getJobExecution(running);
            if (execution != null) {
                operator.stop(execution);
            }
        } catch (JobExecutionNotRunningException e) {
            // it ended meanwhile
        } catch (RuntimeException e) {
            LOG.error("could not stop the job: {}", e.toString());
        }
    }

    private void haltUnlessEnded(Signal s) {
        try {
            if (ended.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.error(
                "the run did not stop within {} s of SIG{}: stopping at once; the next run goes on from the last "
                        + "committed chunk",
                PATIENCE.toSeconds(),
                s.getName());
        Runtime.getRuntime().halt(128 + s.getNumber());
    }

    /** What the signal did before any launch: the JVM's exit, with its shutdown hooks. */
    private static void outside(Signal s) {
        SignalHandler before = OUTSIDE.get(s.getName());
        if (before == SignalHandler.SIG_IGN) {
            return;
        }
        if (before == null || before == SignalHandler.SIG_DFL) {
            System.exit(128 + s.getNumber()); // SIG_DFL cannot be called from Java: do what it does
        }
        before.handle(s);
    }
}
