package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.support.InterceptedModels;
import dev.briefs.support.Outputs;
import dev.briefs.support.SharedCorpus;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The planning step makes a partition's model work stage by stage over a whole window of articles, ahead of the
 * brief step, which then finds every output in the cache. A night of 32 small articles, briefed 4 at a time: with
 * planning on, the same bytes as with it off, in fewer and fuller model calls, all of them in the planning step;
 * an input that always fails fails alone, recorded once by the brief step as without planning.
 */
class PlannedNightTest {

    static final String DATE = "2026-11-20";
    /** English and Ukrainian articles, by turns. */
    static final int ARTICLES = 32;

    private static final String ENGLISH = "wmt22-en-uk.src.en";
    private static final String UKRAINIAN = "wmt22-uk-en.src.uk";

    @TempDir
    static Path plannedRoot;

    static JobSettings planned;
    static Calls plannedCalls;
    static Map<String, String> plannedNight;

    @TempDir
    Path root;

    /** Each real model call (the cache's hits are none): its model, its rows, and the step it ran in. */
    static final class Calls implements ModelDecorator {

        record Call(String model, int rows, String step, List<String> texts) {}

        final Queue<Call> made = new ConcurrentLinkedQueue<>();
        private final ModelDecorator failures;

        /** @param failOn a prefix of a model input that always fails, as a server that times out on it; null: none */
        Calls(String failOn) {
            this.failures = InterceptedModels.before((name, text) -> {
                if (failOn != null && text.startsWith(failOn)) {
                    throw new UncheckedIOException(new IOException("model server timed out"));
                }
            });
        }

        @Override
        public TextGenerator decorate(String name, TextGenerator real) {
            return new ForwardingTextGenerator(failures.decorate(name, real)) {
                @Override
                public Seq2SeqGenerator.Result generate(String text) {
                    record(name, List.of(text));
                    return delegate.generate(text);
                }

                @Override
                public Seq2SeqGenerator.Result generate(String text, String source, String target) {
                    record(name, List.of(text));
                    return delegate.generate(text, source, target);
                }

                @Override
                public List<Seq2SeqGenerator.Result> generateBatch(
                        List<String> texts, String source, String target, int padTo) {
                    record(name, texts);
                    return delegate.generateBatch(texts, source, target, padTo);
                }
            };
        }

        private void record(String model, List<String> texts) {
            StepContext step = StepSynchronizationManager.getContext();
            made.add(new Call(model, texts.size(), step == null ? "(none)" : step.getStepName(), List.copyOf(texts)));
        }

        int rows() {
            return made.stream().mapToInt(Call::rows).sum();
        }

        List<Call> inStep(String workerStep) {
            return made.stream()
                    .filter(c -> c.step().startsWith(workerStep + ":"))
                    .toList();
        }
    }

    @BeforeAll
    static void plannedNight() throws IOException {
        SharedCorpus.dir();
        planned = prepare(plannedRoot, "");
        plannedCalls = new Calls(null);
        JobRunner.Outcome outcome = run(planned, plannedCalls);
        assertThat(outcome.report().allComplete()).isTrue();
        plannedNight = Outputs.snapshot(planned.folders().output());
        assertThat(BriefFiles.readAll(planned.folders().output()))
                .hasSize(ARTICLES)
                .allSatisfy(b -> assertThat(b.status()).as(b.id()).isEqualTo(Brief.OK));
    }

    /**
     * 32 articles of 5 WMT22 sentences each, English and Ukrainian by turns, a title and 4 sentences of text; tiny
     * models summarise English (chunks of at most 24 tokens, so the longer ones go through a reduce round) and
     * translate both ways, and the checks translate every translation back. Four articles a chunk, one partition,
     * so that the calls of a night without planning are those of its chunks, in order.
     */
    static JobSettings prepare(Path root, String batchExtra) throws IOException {
        writeArticles(TestJobs.inputDir(root, DATE));
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        TinyModels.install("tiny-bart", models, "distilbart-cnn-6-6");
        Path job = TestJobs.write(root, """
                chunk:
                  max-tokens: 24
                commit-interval: 4
                partitions: 1
                batch:
                  max-rows: 16
                  length-bucket: 8
                %s
                retry:
                  max-retries: 1
                  delay-ms: 5
                """.formatted(batchExtra));
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("  translate:\n", "  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    static void writeArticles(Path folder) throws IOException {
        List<String> english = Files.readAllLines(SharedCorpus.file(ENGLISH));
        List<String> ukrainian = Files.readAllLines(SharedCorpus.file(UKRAINIAN));
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < ARTICLES; i++) {
            List<String> lines = i % 2 == 0 ? english : ukrainian;
            int from = 5 * (i / 2) * 7; // far apart in the corpus, so no two articles share a sentence
            ObjectNode article = json.createObjectNode();
            article.put("title", lines.get(from));
            article.put("maintext", String.join("\n", lines.subList(from + 1, from + 5)));
            Files.writeString(folder.resolve("a%02d.json".formatted(i)), json.writeValueAsString(article));
        }
    }

    static JobRunner.Outcome run(JobSettings settings, ModelDecorator decorator) {
        return JobRunner.runNightly(
                settings,
                false,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", decorator));
    }

    @Test
    void planningWritesTheSameBriefsInFewerFullerCallsAllMadeBeforeTheBriefStep() throws IOException {
        JobSettings unplanned = prepare(root, "  plan-window: 0");
        Calls unplannedCalls = new Calls(null);
        assertThat(run(unplanned, unplannedCalls).report().allComplete()).isTrue();

        assertThat(Outputs.snapshot(unplanned.folders().output()))
                .as("the same bytes with planning on and off")
                .isEqualTo(plannedNight);
        assertThat(unplannedCalls.inStep(NightlyJobConfiguration.PLANNING_WORKER_STEP))
                .as("plan-window 0: the planning step calls no model")
                .isEmpty();
        assertThat(plannedCalls.inStep(NightlyJobConfiguration.WORKER_STEP))
                .as("with planning, the brief step finds every output in the cache")
                .isEmpty();
        assertThat(plannedCalls.made).hasSameSizeAs(plannedCalls.inStep(NightlyJobConfiguration.PLANNING_WORKER_STEP));
        // Every model input is made once either way (the cache keeps each), so the rows are the same texts.
        assertThat(plannedCalls.rows()).isEqualTo(unplannedCalls.rows());
        assertThat(plannedCalls.made.size())
                .as(
                        "calls with planning (%d rows) against without (%d rows)",
                        plannedCalls.rows(), unplannedCalls.rows())
                .isLessThan(unplannedCalls.made.size());
        System.out.printf(
                "planned: %d calls, %.2f rows a call; unplanned: %d calls, %.2f rows a call%n",
                plannedCalls.made.size(),
                (double) plannedCalls.rows() / plannedCalls.made.size(),
                unplannedCalls.made.size(),
                (double) unplannedCalls.rows() / unplannedCalls.made.size());
    }

    @Test
    void anInputThatAlwaysFailsFailsAloneAndIsRecordedOnceByTheBriefStep() throws IOException {
        // The first chunk of one English article's translation into Ukrainian: its summary's beginning.
        Brief victim = BriefFiles.read(planned.folders().output(), "a02");
        String summary = victim.briefs().get(victim.language()).text();
        String failOn = summary.substring(0, Math.min(summary.length(), 20));
        JobSettings settings = prepare(root, "");
        Calls calls = new Calls(failOn);

        JobRunner.Outcome outcome = run(settings, calls);

        assertThat(outcome.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(outcome.report().allComplete()).isFalse();
        List<LedgerEntry> open = JobRunner.inspect(settings, RunHistory::of).failures().stream()
                .filter(LedgerEntry::open)
                .toList();
        assertThat(open).singleElement().satisfies(e -> {
            assertThat(e.articleId()).isEqualTo("a02");
            assertThat(e.stage()).isEqualTo("translate");
            assertThat(e.language()).isEqualTo("uk");
            // The brief step's attempts only: the planning step tries once and records nothing.
            assertThat(e.attempts()).as("alone, then retried once").isEqualTo(2);
            assertThat(e.message()).contains("model server timed out");
        });
        Brief failed = BriefFiles.read(settings.folders().output(), "a02");
        assertThat(failed.status()).isEqualTo(Brief.PARTIAL);
        assertThat(failed.briefs().get("uk").error()).contains("model server timed out");
        assertThat(BriefFiles.readAll(settings.folders().output()))
                .hasSize(ARTICLES)
                .filteredOn(b -> !b.id().equals("a02"))
                .allSatisfy(b -> assertThat(b)
                        .isEqualTo(BriefFiles.read(planned.folders().output(), b.id())));
        assertThat(calls.inStep(NightlyJobConfiguration.PLANNING_WORKER_STEP))
                .as("the planning step met it too, and split its batches until it was alone")
                .anyMatch(c -> c.rows() == 1 && c.texts().get(0).startsWith(failOn));
        assertThat(calls.inStep(NightlyJobConfiguration.WORKER_STEP))
                .as("the brief step asks the models only what the plan could not make: the failing input, with retries")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(
                        c -> assertThat(c.texts()).singleElement().asString().startsWith(failOn));
    }
}
