package dev.briefs.cli;

import dev.briefs.metrics.MetricsFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --metrics-file}, shared by the commands that run a job. */
final class MetricsFileOption {

    @Option(
            names = "--metrics-file",
            paramLabel = "FILE",
            description = {
                "At the end of the run, also when it failed, write the job's metrics (counters and timers) "
                        + "to FILE: Prometheus text format if FILE ends in .prom (for node_exporter's textfile collector), "
                        + "JSON otherwise."
            })
    Path file;

    /**
     * The file to write, checked before the run starts: a folder that is missing or not writable is
     * a usage error now rather than metrics lost at the end of the night.
     *
     * @return null when no metrics file was asked for
     */
    MetricsFile target() {
        if (file == null) {
            return null;
        }
        MetricsFile target = MetricsFile.of(file);
        target.problem().ifPresent(why -> {
            throw new UsageException(why);
        });
        return target;
    }
}
