package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CrashingRun;
import dev.briefs.support.Outputs;
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The machine dies at 3 a.m.: a child JVM running the job on the shared Ukrainian corpus is
 * killed with kill -9 at several points, then run again. The day must come out as an
 * uninterrupted run's: the same briefs, byte for byte, no duplicate lines, no temporary files.
 */
class CrashRestartTest {

    private static final String DATE = "2022-04-14";
    /** A bound on one child run, not a speed check: generous for a loaded 2-core machine. */
    private static final long RUN_LIMIT_SECONDS = 900;

    @TempDir
    static Path cleanRoot;

    static Map<String, String> cleanOutput;

    @TempDir
    Path root;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        SharedCorpus.dir();
        Path job = prepare(cleanRoot);
        Finished run = runToEnd(job);
        assertThat(run.exitValue()).as(run.output()).isZero();
        cleanOutput = Outputs.snapshot(TestJobs.outputDir(cleanRoot, DATE));
        assertThat(cleanOutput)
                .containsKeys("briefs.jsonl", "digest.md", "digest.html", "briefs.atom")
                .hasSize(16 * 2 + 4);
    }

    static Path prepare(Path root) throws IOException {
        SharedCorpus.writeUkrainianArticles(TestJobs.inputDir(root, DATE));
        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-uk-en");
        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
        // A model summariser too (the tiny BART's byte-level tokenizer takes any script), so that
        // the kill points fall in model calls of both the summary and the translation stage.
        TinyModels.install("tiny-bart", root.resolve("models"), "summariser");
        Path job = TestJobs.write(root, "chunk:\n  max-tokens: 40\n");
        Files.writeString(
                job,
                Files.readString(job).replace("  translate:\n", "  summarise:\n    uk: summariser\n  translate:\n"));
        return job;
    }

    static Process start(Path job, String point) throws IOException {
        return ChildJvm.start(CrashingRun.class.getName(), job.toString(), DATE, point);
    }

    /** A child run that went to its end: its exit status and everything it printed. */
    record Finished(int exitValue, String output) {}

    /**
     * Runs the job in a child JVM to its end. Its output is read while it runs: the job logs a
     * line per article, and a child whose pipe is full waits for a reader forever.
     */
    @SuppressWarnings("JdkObsolete") // StringBuffer: the reader thread may still append while this one reads
    static Finished runToEnd(Path job) throws Exception {
        Process p = start(job, "none");
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output not read: ").append(e).append(')');
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(p.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS))
                .as("the run ended within its limit")
                .isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return new Finished(p.exitValue(), output.toString());
    }

    @ParameterizedTest(name = "killed {0}")
    @ValueSource(
            strings = {
                "model-call:1", // mid-summary of the first articles read, before anything was committed
                "model-call:150", // mid-run, after some chunks of briefs were committed
                "written:6"
            }) // mid-write: two briefs of a chunk written, the chunk not committed
    void aRunKilledAndRunAgainEndsLikeAnUninterruptedRun(String point) throws Exception {
        Path job = prepare(root);
        Process crashing = start(job, point);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(crashing.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.equals("PAUSED"); line = out.readLine()) {
                seen.append(line).append('\n');
            }
            assertThat(crashing.isAlive())
                    .as("the child reached " + point + ":\n" + seen)
                    .isTrue();
            crashing.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertThat(crashing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Finished again = runToEnd(job);
        assertThat(again.exitValue()).as(again.output()).isZero();

        Path out = TestJobs.outputDir(root, DATE);
        Map<String, String> restarted = Outputs.snapshot(out);
        assertThat(restarted.keySet()).isEqualTo(cleanOutput.keySet());
        assertThat(restarted).isEqualTo(cleanOutput);
        List<String> lines = Files.readAllLines(out.resolve("briefs.jsonl"));
        assertThat(new HashSet<>(lines)).hasSameSizeAs(lines);
        assertThat(BriefFiles.readAll(out))
                .hasSize(16)
                .allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));
        List<String> runs = JobRunner.inspect(
                        JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null), RunHistory::of)
                .runs();
        // One instance, two executions: the killed one, recovered as failed, and its restart.
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("nightly-briefs").contains("FAILED");
        assertThat(runs.get(1)).contains("nightly-briefs").contains("COMPLETED");
    }

    @Test
    void runningACompletedDateAgainDoesNothing() throws Exception {
        Path job = prepare(root);
        Finished first = runToEnd(job);
        assertThat(first.exitValue()).as(first.output()).isZero();
        Map<String, String> before = Outputs.snapshot(TestJobs.outputDir(root, DATE));
        JobRunner.Outcome again = JobRunner.runNightly(
                JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null),
                false,
                RunProgress.NONE);
        assertThat(again.status()).isEqualTo(JobRunner.Status.ALREADY_COMPLETE);
        assertThat(Outputs.snapshot(TestJobs.outputDir(root, DATE))).isEqualTo(before);
    }
}
