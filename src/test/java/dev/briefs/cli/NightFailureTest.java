package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.support.InterceptedModels;
import dev.briefs.support.Outputs;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that are not one article's own must not end as "failed articles" and a finished night:
 * a bug in the model work, a brief that cannot be written, and more failed articles than the job
 * file allows each fail the night (exit 1, what the operator reads on stderr), and {@code run}
 * then goes on where the night stopped, ending as a clean night would, nothing lost and nothing twice.
 */
class NightFailureTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    @TempDir
    Path cleanRoot;

    /** What the operator sees of one run: exit status, standard output and standard error. */
    record Seen(int exit, String out, String err) {}

    private JobSettings prepare(Path dir, String extra) throws IOException {
        TestJobs.inputWithSamples(dir, DATE);
        Path models = dir.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        Path job = TestJobs.write(dir, "retry:\n  max-retries: 1\n  delay-ms: 5\n" + extra);
        // One partition: the skip limit counts committed failures, and the test wants them in order.
        Files.writeString(job, Files.readString(job).replace("partitions: 2", "partitions: 1"));
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    private static Seen run(JobSettings settings, ModelDecorator decorator) {
        JobRunner.Outcome outcome = JobRunner.runNightly(
                settings,
                false,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JobOutcomes.exitCode(outcome, settings, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Seen(exit, out.toString(), err.toString());
    }

    private Map<String, String> cleanNight() throws IOException {
        JobSettings clean = prepare(cleanRoot, "");
        assertThat(run(clean, ModelDecorator.NONE).exit()).isZero();
        return Outputs.snapshot(clean.folders().output());
    }

    @Test
    void aBugInTheModelWorkFailsTheNightInsteadOfFailingArticlesAndRunGoesOnOnceItIsFixed() throws IOException {
        JobSettings settings = prepare(root, "");
        boolean[] fixed = {false};
        ModelDecorator buggy = InterceptedModels.before((name, text) -> {
            if (!fixed[0] && text.contains("Chornomorsk")) {
                throw new NullPointerException("Cannot read the array length because \"ids\" is null");
            }
        });

        Seen failed = run(settings, buggy);

        assertThat(failed.exit()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.err()).startsWith("briefs: the job failed: ").contains("\"ids\" is null");
        assertThat(JobRunner.inspect(settings, RunHistory::of).failures())
                .as("a bug is no article's failure: nothing for rerun-failed to redo")
                .noneMatch(LedgerEntry::open);
        assertThat(BriefFiles.readAll(settings.folders().output()))
                .noneMatch(b -> b.status().equals(Brief.FAILED));

        fixed[0] = true;
        Seen again = run(settings, buggy);

        assertThat(again.exit()).isZero();
        assertThat(Outputs.snapshot(settings.folders().output())).isEqualTo(cleanNight());
    }

    @Test
    void aBriefThatCannotBeWrittenFailsTheNightAndRunGoesOnOnceTheOutputIsWritable() throws IOException {
        JobSettings settings = prepare(root, "");
        // A folder where the brief's file must go: the write fails as on a full or read-only disk.
        Path blocker = Files.createDirectories(settings.folders().output().resolve("harbour-reopens.json"));
        Files.writeString(blocker.resolve("keep"), "x");

        Seen failed = run(settings, ModelDecorator.NONE);

        assertThat(failed.exit()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.err()).startsWith("briefs: the job failed: ").contains("harbour-reopens.json");
        assertThat(JobRunner.inspect(settings, RunHistory::of).failures()).noneMatch(LedgerEntry::open);

        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        Seen again = run(settings, ModelDecorator.NONE);

        assertThat(again.exit()).isZero();
        assertThat(Outputs.snapshot(settings.folders().output())).isEqualTo(cleanNight());
    }

    @Test
    void moreFailedArticlesThanTheSkipLimitFailTheNightAsAWhole() throws IOException {
        JobSettings settings = prepare(root, "skip-limit: 1\n");
        boolean[] down = {true};
        // The English-to-Ukrainian model times out on every call: every English article fails to translate.
        ModelDecorator timingOut = InterceptedModels.before((name, text) -> {
            if (down[0] && name.equals("opus-mt-en-uk")) {
                throw new UncheckedIOException(new IOException("model timed out"));
            }
        });

        Seen failed = run(settings, timingOut);

        assertThat(failed.exit()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.err())
                .contains("articles of " + DATE + " failed, more than the job file's skip-limit of 1")
                .contains("briefs run")
                .contains("rerun-failed");

        down[0] = false;
        Seen again = run(settings, timingOut);

        assertThat(again.exit()).isZero();
        assertThat(Outputs.snapshot(settings.folders().output())).isEqualTo(cleanNight());
    }

    @Test
    void failedArticlesWithinTheSkipLimitLeaveAFinishedNightThatSaysSo() throws IOException {
        JobSettings settings = prepare(root, "skip-limit: 5\n");
        ModelDecorator timingOut = InterceptedModels.before((name, text) -> {
            if (name.equals("opus-mt-en-uk")) {
                throw new UncheckedIOException(new IOException("model timed out"));
            }
        });

        Seen seen = run(settings, timingOut);

        assertThat(seen.exit()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(JobRunner.inspect(settings, RunHistory::of).failures())
                .filteredOn(LedgerEntry::open)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.message()).contains("model timed out"));
    }
}
