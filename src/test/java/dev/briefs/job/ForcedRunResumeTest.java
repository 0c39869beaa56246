package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CrashingRun;
import dev.briefs.support.Outputs;
import dev.briefs.support.SmallDisk;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * A forced run ({@code run --force}) that fails or is killed is a new instance of a date that had completed. The
 * next plain {@code run} must go on with that newest instance, not answer from the completed one before it that
 * the day is done while the forced run left it half written (issue 21). Each case ends as a clean night does,
 * byte for byte: with the forced run failed by a bug, killed with SIGKILL, and failed on a really full disk (a
 * small tmpfs, as root), into the same output folder and into another.
 */
class ForcedRunResumeTest {

    private static final String DATE = "2026-11-20";
    /** A bound on one child run, not a speed check: generous for a loaded 2-core machine. */
    private static final long CHILD_LIMIT_SECONDS = 600;

    /** The day as a clean night writes it; see {@link #cleanNight()}. */
    private static Map<String, String> cleanNight;

    @TempDir
    Path root;

    @BeforeAll
    static void clean() throws IOException {
        cleanNight();
    }

    /**
     * The day of {@link #prepare} as a clean night writes it, made once for the test JVM: the tests that fail its
     * nights in other ways compare with it too.
     */
    static synchronized Map<String, String> cleanNight() throws IOException {
        if (cleanNight == null) {
            Path dir = Files.createTempDirectory("briefs-clean-night");
            try {
                JobSettings clean = settings(prepare(dir), null);
                assertThat(JobRunner.runNightly(clean, false, RunProgress.NONE).status())
                        .isEqualTo(JobRunner.Status.COMPLETED);
                cleanNight = Outputs.snapshot(clean.folders().output());
            } finally {
                FileSystemUtils.deleteRecursively(dir);
            }
            assertThat(cleanNight).containsKeys("briefs.jsonl", "digest.md", "digest.html", "briefs.atom");
        }
        return cleanNight;
    }

    static Path prepare(Path dir) throws IOException {
        TestJobs.inputWithSamples(dir, DATE);
        TinyModels.install("tiny-marian-en-uk", dir.resolve("models"), "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", dir.resolve("models"), "opus-mt-uk-en");
        // One partition, so that the kill and failure points fall after some briefs were committed.
        Path job = TestJobs.write(dir, "commit-interval: 1\n");
        Files.writeString(job, Files.readString(job).replace("partitions: 2", "partitions: 1"));
        return job;
    }

    static JobSettings settings(Path job, Path output) throws IOException {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, output);
    }

    /** The command line's path: the folders the date's newest run recorded, when none are given. */
    private static JobRunner.Outcome plainRun(Path job) throws IOException {
        JobSettings recorded = JobRunner.withRunRecord(settings(job, null), false, false, "run", "--force");
        return JobRunner.runNightly(recorded, false, RunProgress.NONE);
    }

    @Test
    void aForcedRunFailedByABugIsResumedByTheNextRun() throws IOException {
        Path job = prepare(root);
        assertThat(JobRunner.runNightly(settings(job, null), false, RunProgress.NONE)
                        .status())
                .isEqualTo(JobRunner.Status.COMPLETED);
        // The forced run's model calls are the output cache's hits; the bug is where its briefs are written.
        int[] written = {0};
        RunProgress buggy = brief -> {
            if (++written[0] == 2) {
                throw new IllegalStateException("a bug after the second brief");
            }
        };
        JobRunner.Outcome forced = JobRunner.runNightly(settings(job, null), true, buggy);
        assertThat(forced.status()).isEqualTo(JobRunner.Status.FAILED);

        JobRunner.Outcome resumed = plainRun(job);

        assertThat(resumed.status()).as(String.valueOf(resumed.failure())).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(Outputs.snapshot(TestJobs.outputDir(root, DATE))).isEqualTo(cleanNight);
        assertThat(plainRun(job).status()).as("the day is done now").isEqualTo(JobRunner.Status.ALREADY_COMPLETE);
        List<String> runs =
                JobRunner.inspect(settings(job, null), RunHistory::of).runs();
        assertThat(runs)
                .as("the first night; the forced one, failed, then resumed")
                .hasSize(3);
        assertThat(runs.get(1)).contains("FAILED");
        assertThat(runs.get(2)).contains("COMPLETED");
    }

    @Test
    void aForcedRunKilledIntoAnotherOutputFolderIsResumedByTheNextRun() throws Exception {
        Path job = prepare(root);
        assertThat(JobRunner.runNightly(settings(job, null), false, RunProgress.NONE)
                        .status())
                .isEqualTo(JobRunner.Status.COMPLETED);
        Path other = root.resolve("other-out");
        Files.writeString(job, Files.readString(job).replaceFirst("(?m)^output: .*$", "output: " + other));
        Process crashing = ChildJvm.start(CrashingRun.class.getName(), job.toString(), DATE, "written:2", "force");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(crashing.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.equals("PAUSED"); line = out.readLine()) {
                seen.append(line).append('\n');
            }
            assertThat(crashing.isAlive())
                    .as("the forced child reached its second brief:\n" + seen)
                    .isTrue();
            crashing.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertThat(crashing.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(other.resolve("briefs.jsonl"))
                .as("the killed run wrote no day's files")
                .doesNotExist();

        JobRunner.Outcome resumed = plainRun(job);

        assertThat(resumed.status()).as(String.valueOf(resumed.failure())).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(Outputs.snapshot(other)).isEqualTo(cleanNight);
    }

    @Test
    void aForcedRunFailedOnAFullDiskIsResumedOnceSpaceIsFreed() throws Exception {
        SmallDisk.assumeMountable();
        Path job = prepare(root);
        assertThat(JobRunner.runNightly(settings(job, null), false, RunProgress.NONE)
                        .status())
                .isEqualTo(JobRunner.Status.COMPLETED);
        long dayBytes = cleanNight.values().stream()
                .mapToLong(v -> v.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        try (SmallDisk disk = SmallDisk.mount(root.resolve("small-disk"), dayBytes * 4 + 64 * 1024)) {
            // Filled up to less than a third of the day's files: the night must stop part way.
            Path filler = disk.dir().resolve("filler");
            disk.fill(filler, dayBytes / 3);
            Path output = disk.dir().resolve("briefs");

            JobRunner.Outcome forced = JobRunner.runNightly(settings(job, output), true, RunProgress.NONE);
            assertThat(forced.status()).isEqualTo(JobRunner.Status.FAILED);
            assertThat(forced.failure())
                    .as("the line the operator reads")
                    .containsIgnoringCase("no space left on device");
            Outputs.assertOnlyWholeBriefs(output);
            Files.delete(filler);

            JobRunner.Outcome resumed = plainRun(job);

            assertThat(resumed.status()).as(String.valueOf(resumed.failure())).isEqualTo(JobRunner.Status.COMPLETED);
            assertThat(Outputs.snapshot(output)).isEqualTo(cleanNight);
        }
    }
}
