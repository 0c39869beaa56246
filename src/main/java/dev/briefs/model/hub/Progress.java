package dev.briefs.model.hub;

import java.io.Console;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The two {@link TransferProgress} implementations: a terminal progress bar and plain log lines. */
public final class Progress {

    private Progress() {}

    /** A progress bar on a terminal ({@link #onTerminal()}), else log lines through {@code log}. */
    public static TransferProgress auto(Consumer<String> log) {
        return onTerminal() ? bar() : lines(log, Duration.ofSeconds(10), System::nanoTime);
    }

    /**
     * Whether this JVM runs on a terminal. Up to Java 21 that is {@code System.console() != null}; from
     * Java 22 there is a console even when the output is redirected, and {@code Console.isTerminal()}
     * (not in Java 17's API, so called by name) tells.
     */
    @SuppressWarnings("SystemConsoleNull") // null still means no terminal up to Java 21
    public static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** me.tongfei progress bar on stderr: bytes, rate, ETA. */
    public static TransferProgress bar() {
        return (label, total) -> new TransferProgress.Transfer() {
            private ProgressBar pb;

            @Override
            public synchronized void resumedAt(long bytes) {
                if (pb == null) {
                    pb = new ProgressBarBuilder()
                            .setTaskName(shorten(label, 48))
                            .setInitialMax(total >= 0 ? total : -1)
                            .setUnit(
                                    total >= 0 && total < (10L << 20) ? "KiB" : "MiB",
                                    total >= 0 && total < (10L << 20) ? 1 << 10 : 1 << 20)
                            .showSpeed()
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(250)
                            .continuousUpdate()
                            .startsFrom(bytes, Duration.ZERO)
                            .build();
                } else {
                    pb.stepTo(bytes);
                }
            }

            @Override
            public synchronized void advance(long bytes) {
                if (pb == null) {
                    resumedAt(0);
                }
                pb.stepBy(bytes);
            }

            @Override
            public synchronized void close() {
                if (pb != null) {
                    pb.close();
                }
            }
        };
    }

    /**
     * Log lines: start (and resume point), one line every {@code every}, and a last line with the rate.
     */
    public static TransferProgress lines(Consumer<String> log, Duration every, LongSupplier nanoClock) {
        return (label, total) -> total >= 0 && total < SMALL
                ? small(log, label, total)
                : new TransferProgress.Transfer() {
                    private final long start = nanoClock.getAsLong();
                    private long lastLine = start;
                    private long done;
                    private long startedAt = -1;
                    private boolean announced;

                    @Override
                    public synchronized void resumedAt(long bytes) {
                        if (!announced) {
                            announced = true;
                            log.accept(
                                    "downloading " + label + " (" + (total >= 0 ? Sizes.human(total) : "size unknown")
                                            + ")" + (bytes > 0 ? ", resuming at " + Sizes.human(bytes) : ""));
                        } else if (bytes > 0 && bytes != done) {
                            log.accept(label + ": resuming at " + Sizes.human(bytes));
                        }
                        done = bytes;
                        if (startedAt < 0) {
                            startedAt = bytes;
                        }
                    }

                    @Override
                    public synchronized void advance(long bytes) {
                        if (!announced) {
                            resumedAt(0);
                        }
                        done += bytes;
                        long now = nanoClock.getAsLong();
                        if (now - lastLine >= every.toNanos()) {
                            lastLine = now;
                            log.accept(label + ": " + Sizes.human(done)
                                    + (total > 0
                                            ? " of " + Sizes.human(total) + " (" + (done * 100 / total) + "%)"
                                            : "")
                                    + ", " + rate(now));
                        }
                    }

                    @Override
                    public synchronized void close() {
                        if (announced) {
                            log.accept(
                                    label + ": " + Sizes.human(done) + (total >= 0 ? " of " + Sizes.human(total) : "")
                                            + ", " + rate(nanoClock.getAsLong()));
                        }
                    }

                    private String rate(long now) {
                        double s = Math.max((now - start) / 1e9, 1e-3);
                        long moved = done - Math.max(startedAt, 0);
                        return Sizes.human((long) (moved / s)) + "/s";
                    }
                };
    }

    /** Files under 1 MiB (configs, tokenizers) get one line when done. */
    static final long SMALL = 1 << 20;

    private static TransferProgress.Transfer small(Consumer<String> log, String label, long total) {
        return new TransferProgress.Transfer() {
            private long done;

            @Override
            public synchronized void resumedAt(long bytes) {
                done = bytes;
            }

            @Override
            public synchronized void advance(long bytes) {
                done += bytes;
            }

            @Override
            public synchronized void close() {
                log.accept("fetched " + label + " (" + Sizes.human(done)
                        + (done == total ? "" : " of " + Sizes.human(total)) + ")");
            }
        };
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max + 3);
    }
}
