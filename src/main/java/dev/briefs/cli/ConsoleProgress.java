package dev.briefs.cli;

import dev.briefs.brief.Brief;
import dev.briefs.job.RunProgress;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows each brief as it is written: one log-style line per article, which reads well both in a
 * terminal and in a cron mail or CI log.
 */
final class ConsoleProgress implements RunProgress {

    private final PrintWriter err;
    private final AtomicInteger written = new AtomicInteger();

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void written(Brief brief) {
        int n = written.incrementAndGet();
        synchronized (err) {
            err.printf("[%d] %s: %s%n", n, brief.id(), brief.status());
            err.flush();
        }
    }
}
