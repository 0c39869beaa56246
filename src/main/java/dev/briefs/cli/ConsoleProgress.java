package dev.briefs.cli;

import dev.briefs.brief.Brief;
import dev.briefs.job.RunProgress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the run's progress: a progress bar (articles done, rate, time left) on a terminal, and
 * one plain line per brief otherwise, which reads well in a cron mail or a CI log.
 */
final class ConsoleProgress implements RunProgress, AutoCloseable {

    private final PrintWriter lines;
    private final ProgressBar bar;
    private final AtomicInteger written = new AtomicInteger();

    private ConsoleProgress(PrintWriter lines, ProgressBar bar) {
        this.lines = lines;
        this.bar = bar;
    }

    /**
     * @param expected the number of input files; a JSON Lines file holds several articles, so
     *                 the bar's end moves out when there are more
     */
    static ConsoleProgress create(PrintWriter err, int expected, boolean terminal) {
        if (!terminal) {
            return new ConsoleProgress(err, null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("briefs")
                .setInitialMax(expected)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" articles", 1)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                .build();
        return new ConsoleProgress(err, bar);
    }

    @Override
    public void written(Brief brief) {
        int n = written.incrementAndGet();
        if (bar != null) {
            if (n > bar.getMax()) {
                bar.maxHint(n);
            }
            bar.step();
            return;
        }
        synchronized (lines) {
            lines.printf("[%d] %s: %s%n", n, brief.id(), brief.status());
            lines.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
