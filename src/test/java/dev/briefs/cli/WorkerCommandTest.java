package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker command's mistakes, as an operator setting up a scaled-out night meets them. */
class WorkerCommandTest {

    @TempDir
    Path root;

    @Test
    void helpSaysWhatAWorkerDoesAndHowItStops() {
        CommandResult help = CommandResult.run("worker", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("JOB_FILE").contains("--threads").contains("SIGTERM");
    }

    @Test
    void aJobFileWithoutABrokerIsAUsageErrorThatSaysWhatToSet() throws IOException {
        Path job = TestJobs.write(root, "");
        CommandResult r = CommandResult.run("worker", job.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("names no Kafka broker")
                .contains("kafka.bootstrap-servers")
                .contains("repository.url")
                .doesNotContain("\tat ");
    }

    @Test
    void kafkaWithoutASharedDatabaseIsRefusedByRunAndWorker() throws IOException {
        Path job = TestJobs.write(root, "kafka:\n  bootstrap-servers: localhost:9092\n");
        for (String command : new String[] {"run", "worker"}) {
            CommandResult r = CommandResult.run(command, job.toString());
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .as(command)
                    .contains("kafka needs a job repository that all machines share")
                    .contains("jdbc:postgresql://");
        }
    }

    @Test
    void aBrokerWaitThatIsNotPositiveIsAUsageErrorThatNamesTheSetting() throws IOException {
        Path job = TestJobs.write(
                root,
                "repository:\n  url: jdbc:postgresql://localhost:5432/briefs\n"
                        + "kafka:\n  bootstrap-servers: localhost:9092\n  broker-wait-ms: 0\n");
        for (String command : new String[] {"run", "worker"}) {
            CommandResult r = CommandResult.run(command, job.toString());
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .as(command)
                    .contains(job.toString())
                    .contains("kafka.broker-wait-ms must be a positive number, is 0")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void zeroThreadsIsAUsageError() throws IOException {
        CommandResult r = CommandResult.run("worker", TestJobs.write(root, "").toString(), "--threads", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--threads must be at least 1, is 0");
    }
}
