package dev.briefs.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A child process ({@link ChildJvm}) whose output lines are collected as they come: the job logs a line per
 * article, and a child whose pipe is full waits for a reader forever.
 */
public final class RunningChild {

    public final Process process;
    public final List<String> lines = new CopyOnWriteArrayList<>();

    private final Thread reader;
    private final Duration awaitLimit;

    /** @param awaitLimit how long {@link #await} waits for a line: a bound for a loaded 2-core machine */
    public RunningChild(Process process, Duration awaitLimit) {
        this.process = process;
        this.awaitLimit = awaitLimit;
        reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until a line contains {@code text}; fails as soon as the process ended without printing it. */
    public void await(String text) throws InterruptedException {
        awaitMore(text, 0);
    }

    /** Waits until more than {@code before} lines contain {@code text}; fails as soon as the process ended without. */
    public void awaitMore(String text, long before) throws InterruptedException {
        long deadline = System.nanoTime() + awaitLimit.toNanos();
        while (System.nanoTime() < deadline) {
            if (printed(text) > before) {
                return;
            }
            if (!process.isAlive()) {
                reader.join(TimeUnit.SECONDS.toMillis(10));
                if (printed(text) > before) {
                    return;
                }
                throw new AssertionError("the child ended before printing '" + text + "':\n" + output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "the child did not print '" + text + "' within " + awaitLimit.toSeconds() + " s:\n" + output());
    }

    /** Waits for the process to end and for its last lines to be read. */
    public boolean ends(long seconds) throws InterruptedException {
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return ended;
    }

    /** The lines that start with {@code prefix}. */
    public int count(String prefix) {
        return (int) lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** How many lines contain {@code text}. */
    public long printed(String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }
}
