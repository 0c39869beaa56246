package dev.briefs.job.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One compute pool per machine: {@code compute-threads} shared out between the partitions and each ONNX Runtime
 * session's intra-op threads, so that their product never exceeds it unless the job file says so, with a warning.
 */
class ThreadBudgetTest {

    @TempDir
    Path root;

    /** A job file of the given lines after its folders (no {@code partitions}, unlike {@code TestJobs}'). */
    private Path write(String lines) throws IOException {
        Path job = root.resolve("job.yaml");
        Files.writeString(job, """
                input: %1$s/in/{date}
                output: %1$s/out/{date}
                data: %1$s/data
                """.formatted(root.toAbsolutePath()) + lines);
        return job;
    }

    private JobSettings settings(String lines) throws IOException {
        Path job = write(lines);
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse("2026-11-20"), null, null);
    }

    @Test
    void byDefaultEveryCoreRunsOnePartitionOnOneOnnxRuntimeThread() {
        for (int cores : new int[] {1, 2, 3, 16}) {
            ThreadBudget b = new ThreadBudget(cores, null, null);
            assertThat(b.partitions()).as("%d cores", cores).isEqualTo(cores);
            assertThat(b.intraOpThreads()).as("%d cores", cores).isEqualTo(1);
            assertThat(b.oversubscription()).isEmpty();
        }
    }

    @Test
    void whatTheJobFileSetsDecidesTheRestOfTheSplit() {
        // partitions set: the sessions share what is left, at least one thread each
        assertThat(new ThreadBudget(16, 4, null).intraOpThreads()).isEqualTo(4);
        assertThat(new ThreadBudget(16, 3, null).intraOpThreads()).isEqualTo(5);
        assertThat(new ThreadBudget(2, 1, null).intraOpThreads()).isEqualTo(2);
        assertThat(new ThreadBudget(2, 4, null).intraOpThreads()).isEqualTo(1);
        // intra-op threads set: as many partitions as fit, at least one
        assertThat(new ThreadBudget(16, null, 4).partitions()).isEqualTo(4);
        assertThat(new ThreadBudget(2, null, 8).partitions()).isEqualTo(1);
        // 0 intra-op threads is not a setting of its own: it leaves the split to the budget
        assertThat(new ThreadBudget(8, null, 0)).isEqualTo(new ThreadBudget(8, null, null));
        for (int cores = 1; cores <= 32; cores++) {
            for (int p = 1; p <= cores; p++) {
                ThreadBudget b = new ThreadBudget(cores, p, null);
                assertThat(b.partitions() * b.intraOpThreads())
                        .as("%d cores, %d partitions", cores, p)
                        .isLessThanOrEqualTo(cores);
                assertThat(b.oversubscription()).isEmpty();
            }
        }
    }

    @Test
    void bothSetAndTooManyIsTakenAsWrittenWithAWarningThatSaysWhatToLower() {
        ThreadBudget b = new ThreadBudget(2, 2, 2);
        assertThat(b.partitions()).isEqualTo(2);
        assertThat(b.intraOpThreads()).isEqualTo(2);
        assertThat(b.oversubscription())
                .hasValue("2 partitions x 2 ONNX Runtime intra-op threads = 4 compute threads, more than the 2 of"
                        + " compute-threads: they compete for the cores and the night is slower; lower partitions or"
                        + " onnx.intra-op-threads");
        // more partitions than threads cannot be helped by the sessions: one thread each is already too many
        assertThat(new ThreadBudget(2, 4, null).oversubscription()).isPresent();
        assertThat(new ThreadBudget(4, 2, 2).oversubscription()).isEmpty();
    }

    @Test
    void aWorkersSessionsShareTheMachineByItsOwnThreadsNotTheDaysPartitions() throws IOException {
        JobSettings s = settings("compute-threads: 8\npartitions: 16\n");
        assertThat(s.partitioning().partitions())
                .as("the manager's grid for the whole day")
                .isEqualTo(16);
        assertThat(s.forWorker(2).onnx().intraOpThreads()).isEqualTo(4);
        assertThat(s.forWorker(8).onnx().intraOpThreads()).isEqualTo(1);
        assertThat(s.compute().oversubscription(2, "worker --threads")).isEmpty();
        assertThat(s.compute().oversubscription(12, "worker --threads"))
                .hasValueSatisfying(w -> assertThat(w)
                        .startsWith("12 worker --threads x 1 ONNX Runtime intra-op")
                        .endsWith("lower worker --threads or onnx.intra-op-threads"));
        // the job file's intra-op threads win over the worker's share, and are warned about where too many
        JobSettings pinned = settings("compute-threads: 8\nonnx:\n  intra-op-threads: 4\n");
        assertThat(pinned.forWorker(2).onnx().intraOpThreads()).isEqualTo(4);
        assertThat(pinned.compute().oversubscription(4, "worker --threads")).isPresent();
    }

    @Test
    void theJobFileSplitReachesThePartitionsAndTheSessions() throws IOException {
        JobSettings s = settings("compute-threads: 4\npartitions: 2\n");
        assertThat(s.partitioning().partitions()).isEqualTo(2);
        assertThat(s.onnx().intraOpThreads()).isEqualTo(2);
        assertThat(s.compute().oversubscription()).isEmpty();

        JobSettings derived = settings("compute-threads: 3\n");
        assertThat(derived.partitioning().partitions()).isEqualTo(3);
        assertThat(derived.onnx().intraOpThreads()).isEqualTo(1);

        JobSettings all = settings("");
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(all.compute().threads()).isEqualTo(cores);
        assertThat(all.partitioning().partitions() * all.onnx().intraOpThreads())
                .isLessThanOrEqualTo(cores);
    }

    @Test
    void aBadValueNamesTheFileTheSettingAndTheLine() throws IOException {
        String job = root.resolve("job.yaml").toString();
        assertThatThrownBy(() -> settings("compute-threads: 0\n"))
                .isInstanceOf(JobFileException.class)
                .hasMessage(job + ": compute-threads must be a positive number, is 0");
        assertThatThrownBy(() -> settings("partitions: -2\n"))
                .hasMessage(job + ": partitions must be a positive number, is -2");
        Path typed = write("compute-threads: two\n");
        int line = lineOf(typed, "compute-threads: two");
        assertThatThrownBy(() -> JobFiles.read(typed))
                .isInstanceOf(JobFileException.class)
                .hasMessageStartingWith(job + ": compute-threads: ")
                .hasMessageEndingWith("(line " + line + ")");
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
