package dev.briefs.cli;

import dev.briefs.model.hub.Progress;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a run shows its progress: a bar on a terminal, log lines at an interval elsewhere. */
final class ProgressOptions {

    @Option(
            names = "--progress-every",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "When the output is not a terminal (cron, Kubernetes, CI): log a progress line "
                    + "every SECONDS (default: ${DEFAULT-VALUE}).")
    int seconds;

    ConsoleProgress start(int expectedFiles, String date) {
        if (seconds < 1) {
            throw new UsageException("--progress-every must be at least 1 second, not " + seconds);
        }
        // JSON lines are for machines: they get progress lines, not a bar drawn between them.
        boolean bar = Progress.onTerminal() && LogFormat.current() == LogFormat.PLAIN;
        return ConsoleProgress.create(expectedFiles, date, bar, Duration.ofSeconds(seconds));
    }
}
