package dev.briefs.cli;

import dev.briefs.brief.Brief;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.log.ConsoleBar;
import dev.briefs.log.LogFields;
import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the run's progress. On a terminal, a progress bar (articles done of the total, rate, time
 * left), with the per-article log lines held back so they do not break it (failures still show,
 * see {@link ConsoleBar}). Elsewhere (cron, Kubernetes, CI) and with JSON logs, a progress log line
 * every so often, which reads well in a mail or a log shipper and does not flood it.
 */
final class ConsoleProgress implements RunProgress, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogFields.PROGRESS_LOGGER);

    private final AtomicInteger written = new AtomicInteger();
    private final int expected;
    private final String date;
    private final LongSupplier nanos;
    private final long start;
    private final ProgressBar bar;
    private final ScheduledExecutorService ticker;

    private ConsoleProgress(int expected, String date, LongSupplier nanos, ProgressBar bar, Duration every) {
        this.expected = expected;
        this.date = date;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.bar = bar;
        if (bar != null) {
            ConsoleBar.shown(true);
            this.ticker = null;
        } else if (every != null) {
            this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "briefs-progress");
                t.setDaemon(true);
                return t;
            });
            var unused = ticker.scheduleAtFixedRate(
                    this::logLine, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            this.ticker = null;
        }
    }

    /**
     * @param expected the number of input files, 0 when unknown; a JSON Lines file holds several
     *                 articles, so the total moves out when there are more
     * @param every    how often a progress line is logged when not on a terminal
     */
    static ConsoleProgress create(int expected, String date, boolean terminal, Duration every) {
        if (!terminal) {
            return new ConsoleProgress(expected, date, System::nanoTime, null, every);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("briefs " + date)
                .setInitialMax(expected)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" articles", 1)
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                .build();
        return new ConsoleProgress(expected, date, System::nanoTime, bar, null);
    }

    /** Progress logged only when asked ({@link #logLine}), on the given clock: for tests. */
    static ConsoleProgress manual(int expected, String date, LongSupplier nanos) {
        return new ConsoleProgress(expected, date, nanos, null, null);
    }

    @Override
    public void written(Brief brief) {
        int n = written.incrementAndGet();
        if (bar != null) {
            if (n > bar.getMax()) {
                bar.maxHint(n);
            }
            bar.step();
        }
    }

    /** One progress line: articles done of the total, the rate, and the time left where it can be told. */
    void logLine() {
        try (LogFields.Scope day = LogFields.date(date)) {
            LOG.info(describe(written.get(), nanos.getAsLong() - start));
        }
    }

    String describe(int done, long elapsedNanos) {
        double minutes = elapsedNanos / 60e9;
        double perMinute = minutes > 0 ? done / minutes : 0;
        StringBuilder line = new StringBuilder();
        line.append(done);
        if (expected > done) {
            line.append(" of ").append(expected);
        }
        line.append((expected > done ? expected : done) == 1 ? " article" : " articles");
        line.append(String.format(Locale.ROOT, " briefed, %.1f a minute", perMinute));
        if (expected > done && perMinute > 0) {
            line.append(", about ")
                    .append(human(Duration.ofSeconds((long) Math.ceil((expected - done) / perMinute * 60))))
                    .append(" left");
        }
        return line.toString();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s + 59) / 60 + " min";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            ConsoleBar.shown(false);
        }
        if (ticker != null) {
            ticker.shutdownNow();
            if (written.get() > 0) {
                logLine();
            }
        }
    }
}
