package dev.briefs.cli;

import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.remote.WorkerRunner;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code briefs worker}: take partitions of any date from Kafka and brief them, until stopped. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Work on partitions that a scaled-out run sends over Kafka.",
            "",
            "Checks (and where the job file allows, fetches) the job's models, then takes partition",
            "requests from the job file's Kafka topic and briefs them, for any date, against the shared",
            "PostgreSQL job repository. Runs until stopped: on SIGTERM (or Ctrl-C) it takes no new",
            "partition and stops the running ones after their current chunk, committed."
        },
        footer = {"", "Exit status: 0 stopped cleanly, 2 usage or configuration error, 1 the worker failed."})
final class WorkerCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "JOB_FILE",
            defaultValue = "jobs/nightly.yaml",
            description = "Job file, the same as the manager's (default: ${DEFAULT-VALUE}).")
    Path jobFile;

    @Option(
            names = "--threads",
            defaultValue = "1",
            paramLabel = "N",
            description =
                    "Partitions this process runs at once (default: ${DEFAULT-VALUE}); each uses the job's models, and"
                            + " each ONNX Runtime session gets compute-threads / N intra-op threads unless the job file"
                            + " sets onnx.intra-op-threads.")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, is " + threads);
        }
        // The date is the manager's, per partition; the worker's own settings only need the job file.
        JobSettings settings =
                JobSettings.resolve(jobFile, JobFiles.read(jobFile), LocalDate.now(ZoneId.systemDefault()), null, null);
        if (settings.kafka() == null) {
            throw new UsageException(
                    jobFile + " names no Kafka broker; a worker needs kafka.bootstrap-servers in the job file "
                            + "(or SPRING_KAFKA_BOOTSTRAP_SERVERS) and repository.url pointing at the shared PostgreSQL");
        }
        PrintWriter err = spec.commandLine().getErr();
        JobOutcomes.checkModels(settings, err);
        JobOutcomes.warnOversubscription(settings.compute().oversubscription(threads, "worker --threads"), err);
        err.printf(
                "briefs: worker taking partitions from topic %s (group %s) at %s, job repository %s; stop with SIGTERM%n",
                settings.kafka().topic(),
                settings.kafka().group(),
                settings.kafka().bootstrapServers(),
                settings.repository());
        err.flush();
        WorkerRunner.run(settings, threads, RunProgress.NONE);
        return ExitCodes.OK;
    }
}
