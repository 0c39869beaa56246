package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.TextGenerator;
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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model failures injected through the real job, with a wrapper around the real (tiny) models:
 * calls that fail once are retried and succeed; calls that keep failing are recorded in the
 * ledger, their briefs written with what succeeded; rerun-failed completes them once the
 * failure is gone, and the day then equals a clean run's, byte for byte.
 */
class FailureInjectionTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path faulty;

    @TempDir
    Path clean;

    /** Fails calls whose input matches, for the first {@code times} calls of each such input (forever when negative). */
    static final class FailingModels implements ModelDecorator {

        private final ModelDecorator intercepted;
        final Map<String, AtomicInteger> failedCalls = new ConcurrentHashMap<>();
        volatile boolean healed;

        FailingModels(String model, Predicate<String> input, int times, RuntimeException failure) {
            this.intercepted = InterceptedModels.before((name, text) -> {
                if (!healed && name.equals(model) && input.test(text)) {
                    int n = failedCalls
                            .computeIfAbsent(text, t -> new AtomicInteger())
                            .incrementAndGet();
                    if (times < 0 || n <= times) {
                        throw failure;
                    }
                }
            });
        }

        @Override
        public TextGenerator decorate(String name, TextGenerator real) {
            return intercepted.decorate(name, real);
        }
    }

    private JobSettings prepare(Path root) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        // Small chunks, so that a translation is several model calls and one of them can fail alone.
        Path job = TestJobs.write(root, "chunk:\n  max-tokens: 24\nretry:\n  max-retries: 2\n  delay-ms: 5\n");
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    private static JobRunner.Outcome run(JobSettings settings, ModelDecorator decorator) {
        return JobRunner.runNightly(
                settings,
                false,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
    }

    private static List<LedgerEntry> ledger(JobSettings settings) {
        return JobRunner.inspect(settings, RunHistory::of).failures();
    }

    @Test
    void transientFailuresAreRetriedAndSucceed() throws IOException {
        JobSettings settings = prepare(faulty);
        FailingModels onceEach = new FailingModels(
                "opus-mt-uk-en",
                text -> true,
                1,
                new UncheckedIOException(new IOException("connection reset by model server")));

        JobRunner.Outcome outcome = run(settings, onceEach);

        assertThat(outcome.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(onceEach.failedCalls).isNotEmpty();
        assertThat(BriefFiles.readAll(settings.folders().output()))
                .filteredOn(b -> b.language().equals("uk"))
                .hasSize(2)
                .allSatisfy(b -> assertThat(b.briefs().get("en").status()).isEqualTo(Brief.OK));
        assertThat(ledger(settings)).noneMatch(LedgerEntry::open);
    }

    @Test
    void persistentFailuresGoToTheLedgerAndRerunFailedCompletesTheDayAsACleanRunWould() throws IOException {
        JobSettings settings = prepare(faulty);
        // Every call on a chunk that mentions the city fails, for good: one chunk of one article.
        FailingModels broken = new FailingModels(
                "opus-mt-en-uk",
                text -> text.contains("Chornomorsk"),
                -1,
                new UncheckedIOException(new IOException("model server timed out")));

        JobRunner.Outcome first = run(settings, broken);

        assertThat(first.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(first.report().allComplete()).isFalse();
        Brief harbour = BriefFiles.read(settings.folders().output(), "harbour-reopens");
        assertThat(harbour.status()).isEqualTo(Brief.PARTIAL);
        Brief.LanguageBrief uk = harbour.briefs().get("uk");
        assertThat(uk.status()).isEqualTo(Brief.FAILED);
        assertThat(uk.chunks().failed()).isEqualTo(1);
        assertThat(uk.chunks().total()).isGreaterThan(1);
        assertThat(uk.text()).as("the chunks that did translate are kept").isNotBlank();
        List<LedgerEntry> open =
                ledger(settings).stream().filter(LedgerEntry::open).toList();
        assertThat(open).singleElement().satisfies(e -> {
            assertThat(e.articleId()).isEqualTo("harbour-reopens");
            assertThat(e.stage()).isEqualTo("translate");
            assertThat(e.language()).isEqualTo("uk");
            assertThat(e.chunkIndex()).isZero();
            assertThat(e.errorType()).isEqualTo("UncheckedIOException");
            assertThat(e.message()).contains("model server timed out");
            assertThat(e.attempts()).as("first try and two retries").isEqualTo(3);
            assertThat(e.sourceFile()).isEqualTo("harbour-reopens.txt");
        });
        assertThat(BriefFiles.readAll(settings.folders().output()))
                .filteredOn(b -> !b.id().equals("harbour-reopens"))
                .allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));

        broken.healed = true;
        JobRunner.Outcome rerun = JobRunner.rerunFailed(
                settings, RunProgress.NONE, ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", broken));

        assertThat(rerun.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(rerun.report().allComplete()).isTrue();
        assertThat(ledger(settings))
                .noneMatch(LedgerEntry::open)
                .anySatisfy(e -> assertThat(e.state()).isEqualTo(LedgerEntry.RESOLVED));

        JobSettings cleanSettings = prepare(clean);
        assertThat(run(cleanSettings, ModelDecorator.NONE).report().allComplete())
                .isTrue();
        assertThat(Outputs.snapshot(settings.folders().output()))
                .isEqualTo(Outputs.snapshot(cleanSettings.folders().output()));
    }

    @Test
    void aRoundTripThatFailsForGoodIsInTheLedgerAndRerunFailedMakesItAgain() throws IOException {
        JobSettings cleanSettings = prepare(clean);
        assertThat(run(cleanSettings, ModelDecorator.NONE).report().allComplete())
                .isTrue();
        // The English article's Ukrainian translation, which its round trip sends back through opus-mt-uk-en.
        String translated = BriefFiles.read(cleanSettings.folders().output(), "harbour-reopens")
                .briefs()
                .get("uk")
                .text();

        JobSettings settings = prepare(faulty);
        FailingModels backBroken = new FailingModels(
                "opus-mt-uk-en",
                text -> translated.contains(text.strip()),
                -1,
                new UncheckedIOException(new IOException("model server timed out")));
        JobRunner.Outcome first = run(settings, backBroken);

        assertThat(first.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(backBroken.failedCalls)
                .as("the round trip's calls, not the translations'")
                .isNotEmpty();
        Brief harbour = BriefFiles.read(settings.folders().output(), "harbour-reopens");
        assertThat(harbour.status()).as("a round trip never fails the brief").isEqualTo(Brief.OK);
        assertThat(harbour.briefs().get("uk").text()).isEqualTo(translated);
        assertThat(harbour.briefs().get("uk").roundTrip().notMeasured()).contains("model server timed out");
        assertThat(ledger(settings).stream().filter(LedgerEntry::open).toList())
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.articleId()).isEqualTo("harbour-reopens");
                    assertThat(e.stage()).isEqualTo("check");
                    assertThat(e.language()).isEqualTo("uk");
                    assertThat(e.attempts()).as("first try and two retries").isEqualTo(3);
                });

        backBroken.healed = true;
        JobRunner.Outcome rerun = JobRunner.rerunFailed(
                settings,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", backBroken));

        assertThat(rerun.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(ledger(settings)).noneMatch(LedgerEntry::open);
        assertThat(Outputs.snapshot(settings.folders().output()))
                .isEqualTo(Outputs.snapshot(cleanSettings.folders().output()));
    }
}
