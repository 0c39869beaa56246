package dev.briefs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples the process's resident set size (Linux {@code /proc/self/status}, VmRSS) once a second,
 * with the number of articles written by then, so that a benchmark can show memory over the night.
 */
public final class RssSampler implements AutoCloseable {

    /** @param seconds since the start; articles written by then; resident set in MiB */
    public record Sample(double seconds, int articles, long rssMib) {}

    private final List<Sample> samples = new ArrayList<>();
    private final AtomicInteger articles;
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean stop;

    public RssSampler(AtomicInteger articlesWritten) {
        this.articles = articlesWritten;
        this.thread = new Thread(this::run, "rss-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The current resident set in MiB, or -1 where /proc is not there. */
    public static long rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private void run() {
        while (!stop) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        Sample s = new Sample((System.nanoTime() - start) / 1e9, articles.get(), rssMib());
        synchronized (samples) {
            samples.add(s);
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The last sample taken when at most {@code n} articles were written, or null. */
    public Sample at(int n) {
        Sample found = null;
        for (Sample s : samples()) {
            if (s.articles() <= n) {
                found = s;
            }
        }
        return found;
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        sample();
    }
}
