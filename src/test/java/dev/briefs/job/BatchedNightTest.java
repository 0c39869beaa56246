package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.inference.UnknownLanguageException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model work from different articles shares model calls, and no brief depends on it: a night in
 * batches, the same night one input per call, and a night whose failed chunk is briefed again
 * alone by rerun-failed all write the same bytes.
 */
class BatchedNightTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path batched;

    @TempDir
    Path unbatched;

    @TempDir
    Path failing;

    /** Records the rows of every model call, and fails calls on chosen inputs while not healed. */
    static final class Recording implements ModelDecorator {
        final Queue<Integer> rowsPerCall = new ConcurrentLinkedQueue<>();
        final String failOn;
        volatile boolean healed;
        private final ModelDecorator failures;

        Recording(String failOn) {
            this.failOn = failOn;
            this.failures = InterceptedModels.before((name, text) -> {
                // The chunk that begins with it: the tiny models' noise repeats words, so another article's
                // summary may hold the same words further on.
                if (!healed && failOn != null && text.startsWith(failOn)) {
                    throw new UncheckedIOException(new IOException("model server timed out"));
                }
            });
        }

        @Override
        public TextGenerator decorate(String name, TextGenerator real) {
            return new ForwardingTextGenerator(failures.decorate(name, real)) {
                @Override
                public Seq2SeqGenerator.Result generate(String text) {
                    rowsPerCall.add(1);
                    return delegate.generate(text);
                }

                @Override
                public Seq2SeqGenerator.Result generate(String text, String source, String target) {
                    rowsPerCall.add(1);
                    return delegate.generate(text, source, target);
                }

                @Override
                public List<Seq2SeqGenerator.Result> generateBatch(
                        List<String> texts, String source, String target, int padTo) {
                    rowsPerCall.add(texts.size());
                    return delegate.generateBatch(texts, source, target, padTo);
                }
            };
        }
    }

    /** Tiny models for every model step; small chunks and a bucket of 8 tokens, so that many chunks share calls. */
    private JobSettings prepare(Path root, int maxRows) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        TinyModels.install("tiny-bart", models, "distilbart-cnn-6-6");
        Path job = TestJobs.write(root, """
                chunk:
                  max-tokens: 16
                commit-interval: 8
                partitions: 1
                batch:
                  max-rows: %d
                  length-bucket: 8
                retry:
                  max-retries: 1
                  delay-ms: 5
                """.formatted(maxRows));
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("  translate:\n", "  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    private static JobRunner.Outcome run(JobSettings settings, ModelDecorator decorator) {
        return JobRunner.runNightly(
                settings,
                false,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
    }

    @Test
    void aBriefIsTheSameInABatchAloneAndAfterARerunOfItsFailedChunk() throws IOException {
        JobSettings inBatches = prepare(batched, 16);
        Recording batchCalls = new Recording(null);
        assertThat(run(inBatches, batchCalls).report().allComplete()).isTrue();
        assertThat(batchCalls.rowsPerCall)
                .as("chunks of different articles shared calls")
                .anyMatch(rows -> rows > 1);
        Map<String, String> night = Outputs.snapshot(inBatches.folders().output());
        assertThat(BriefFiles.readAll(inBatches.folders().output()))
                .hasSize(4)
                .allSatisfy(b -> assertThat(b.status()).as(b.id()).isEqualTo(Brief.OK));

        JobSettings oneByOne = prepare(unbatched, 1);
        Recording singleCalls = new Recording(null);
        assertThat(run(oneByOne, singleCalls).report().allComplete()).isTrue();
        assertThat(singleCalls.rowsPerCall).allMatch(rows -> rows == 1);
        assertThat(Outputs.snapshot(oneByOne.folders().output()))
                .as("one input per call")
                .isEqualTo(night);

        // One sentence's chunk fails for good inside its batch: the batch is split, the rest of it is kept.
        JobSettings withFailure = prepare(failing, 16);
        String sentence =
                firstSentenceOfTheUkrainianSummaryOf(inBatches.folders().output(), "harbour-reopens");
        Recording broken = new Recording(sentence);
        JobRunner.Outcome first = run(withFailure, broken);
        assertThat(first.status()).isEqualTo(JobRunner.Status.COMPLETED);
        List<LedgerEntry> open = JobRunner.inspect(withFailure, RunHistory::of).failures().stream()
                .filter(LedgerEntry::open)
                .toList();
        assertThat(open).isNotEmpty().allSatisfy(e -> {
            assertThat(e.stage()).isEqualTo("translate");
            assertThat(e.attempts()).as("alone, then retried once").isEqualTo(2);
            assertThat(e.message()).contains("model server timed out");
        });
        assertThat(open).extracting(LedgerEntry::articleId).containsOnly("harbour-reopens");
        assertThat(BriefFiles.readAll(withFailure.folders().output()))
                .filteredOn(b -> !b.id().equals("harbour-reopens"))
                .allSatisfy(b -> assertThat(BriefFiles.read(inBatches.folders().output(), b.id()))
                        .isEqualTo(b));

        broken.healed = true;
        JobRunner.Outcome rerun = JobRunner.rerunFailed(
                withFailure, RunProgress.NONE, ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", broken));
        assertThat(rerun.report().allComplete()).isTrue();
        assertThat(Outputs.snapshot(withFailure.folders().output()))
                .as("the article briefed again alone")
                .isEqualTo(night);
    }

    @Test
    void anArticleThatFailsForAReasonOfItsOwnFailsAloneAndItsChunkNeighboursAreWritten() throws IOException {
        JobSettings settings = prepare(batched, 16);
        // A failure outside any model call (here: measuring an input) escapes the batch: the chunk's
        // articles are briefed again one by one, and the one that still fails is recorded alone.
        ModelDecorator faulty = (name, real) -> new ForwardingTextGenerator(real) {
            @Override
            public int inputLength(String text, String source) {
                if (text.contains("Chornomorsk")) {
                    throw new UnknownLanguageException(source, "model " + name + " cannot read this input's language");
                }
                return delegate.inputLength(text, source);
            }
        };

        JobRunner.Outcome outcome = run(settings, faulty);

        assertThat(outcome.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(outcome.report().allComplete()).isFalse();
        Brief harbour = BriefFiles.read(settings.folders().output(), "harbour-reopens");
        assertThat(harbour.status()).isEqualTo(Brief.FAILED);
        assertThat(harbour.error()).contains("cannot read this input's language");
        assertThat(BriefFiles.readAll(settings.folders().output()))
                .hasSize(4)
                .filteredOn(b -> !b.id().equals("harbour-reopens"))
                .allSatisfy(b -> assertThat(b.status()).as(b.id()).isEqualTo(Brief.OK));
        assertThat(JobRunner.inspect(settings, RunHistory::of).failures())
                .filteredOn(LedgerEntry::open)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.articleId()).isEqualTo("harbour-reopens");
                    assertThat(e.stage()).isEqualTo("process");
                    assertThat(e.errorType()).isEqualTo("UnknownLanguageException");
                });
    }

    /** The English source sentence that becomes one of the harbour article's translation chunks. */
    private static String firstSentenceOfTheUkrainianSummaryOf(Path output, String id) {
        Brief brief = BriefFiles.read(output, id);
        String source = brief.briefs().get(brief.language()).text();
        return source.substring(0, Math.min(source.length(), 20));
    }
}
