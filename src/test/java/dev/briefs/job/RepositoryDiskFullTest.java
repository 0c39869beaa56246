package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.support.CommandResult;
import dev.briefs.support.InterceptedModels;
import dev.briefs.support.Outputs;
import dev.briefs.support.SmallDisk;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * The embedded H2 job repository's disk fills up mid-night: its data folder is on a small real tmpfs (mounted by
 * the test as root), filled to the last byte inside a model call once two briefs are committed. The first write
 * the disk refuses is then the output cache's keeping of that call's outputs, in a transaction of its own,
 * outside the chunk's: it must fail the night, not pass as a model call to retry or an article's failure. The
 * night ends with exit status 1 and one line saying the disk is full and which file; a run while the disk is
 * still full says the same; once space is freed, H2 opens its file again and {@code run} completes the day as a
 * clean night does, every brief once.
 */
class RepositoryDiskFullTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    @Test
    void aFullRepositoryDiskFailsTheNightNamingItsFileAndRunCompletesTheDayOnceSpaceIsFreed() throws Exception {
        SmallDisk.assumeMountable();
        Map<String, String> cleanNight = ForcedRunResumeTest.cleanNight();

        Path nightRoot = Files.createDirectories(root.resolve("night"));
        Path job = ForcedRunResumeTest.prepare(nightRoot);
        // No planning step: the disk is to fill inside a model call of the brief step, after two briefs committed
        // (with planning every model call comes before the first brief; PlannedNightCrashTest covers that step).
        Files.writeString(job, Files.readString(job) + "batch:\n  plan-window: 0\n");
        Path out = TestJobs.outputDir(nightRoot, DATE);
        // 32 MiB: the repository of this day takes well under 1 MiB (about 0.3 MiB measured).
        try (SmallDisk disk = SmallDisk.mount(root.resolve("disk"), 32L << 20)) {
            Path data = disk.dir().resolve("data");
            Files.writeString(job, Files.readString(job).replaceFirst("(?m)^data: .*$", "data: " + data));
            Path filler = disk.dir().resolve("filler");
            AtomicBoolean filled = new AtomicBoolean();
            ModelDecorator filling = InterceptedModels.before((name, text) -> {
                if (briefs(out) == 2 && filled.compareAndSet(false, true)) {
                    try {
                        disk.fillUp(filler);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            String full = "the job repository's disk is full (No space left on device): its database file "
                    + data.resolve("jobs.mv.db") + " could not be written; free space on that file system";

            CommandResult night = SpringApplication.withHook(
                    InterceptedModels.into(filling), () -> CommandResult.run("run", job.toString(), "--date", DATE));

            assertThat(filled).isTrue();
            assertThat(night.exitCode()).as(night.err()).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(night.err().lines().filter(l -> l.startsWith("briefs: the job failed: ")))
                    .containsExactly("briefs: the job failed: " + full);
            // The article in hand when the disk filled got no brief, failed or not: the night stopped at the
            // cache's refused write, with the two briefs it had committed.
            Outputs.assertOnlyWholeBriefs(out);
            List<Brief> kept = BriefFiles.readAll(out);
            assertThat(kept).hasSize(2).allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));

            CommandResult stillFull = CommandResult.run("run", job.toString(), "--date", DATE);
            assertThat(stillFull.exitCode()).as(stillFull.err()).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(stillFull.err()).contains("briefs: failed: " + full + "\n");

            Files.delete(filler);
            CommandResult again = CommandResult.run("run", job.toString(), "--date", DATE);

            assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
            assertThat(Outputs.snapshot(out)).isEqualTo(cleanNight);
            assertThat(Files.readAllLines(out.resolve("briefs.jsonl")))
                    .hasSize(4)
                    .doesNotHaveDuplicates();
            RunHistory history = JobRunner.inspect(settings(job), RunHistory::of);
            assertThat(history.failures()).as("ledger rows").isEmpty();
            assertThat(history.runs()).hasSize(2);
            assertThat(history.runs().get(0)).contains("FAILED").contains(" 2 briefs written");
            assertThat(history.runs().get(1)).contains("COMPLETED").contains(" 2 briefs written");
        }
    }

    private static long briefs(Path out) {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JobSettings settings(Path job) throws IOException {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }
}
