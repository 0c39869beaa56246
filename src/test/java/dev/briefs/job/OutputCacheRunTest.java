package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.report.RunReport;
import dev.briefs.report.RunReportFile;
import dev.briefs.support.InterceptedModels;
import dev.briefs.support.Outputs;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model outputs are kept in the job repository: a forced run of the same night, and an article
 * that arrives twice, cost no model call, and give the same briefs; a model whose files or
 * settings changed is asked again, never answered from the cache. The calls are counted by a
 * wrapper between the cache and the real tiny models.
 */
class OutputCacheRunTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    /** The model inputs that reached a model, by model name. */
    private final Queue<String> inputs = new ConcurrentLinkedQueue<>();

    private Path jobWithModels(String extra) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        TinyModels.install("tiny-bart", models, "distilbart-cnn-6-6");
        Path job = TestJobs.write(root, extra);
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("  translate:\n", "  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        return job;
    }

    private JobRunner.Outcome run(Path job, boolean force) throws IOException {
        inputs.clear();
        JobSettings settings = JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
        ModelDecorator counting = InterceptedModels.before((name, text) -> inputs.add(name));
        JobRunner.Outcome outcome = JobRunner.runNightly(
                settings,
                force,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", counting));
        assertThat(outcome.status()).as(outcome.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        return outcome;
    }

    private long calls(String model) {
        return inputs.stream().filter(model::equals).count();
    }

    @Test
    void aForcedRunOfTheSameNightAsksNoModelAndWritesTheSameBriefs() throws IOException {
        Path job = jobWithModels("");
        Path out = TestJobs.outputDir(root, DATE);

        run(job, false);
        long first = inputs.size();
        Map<String, String> briefs = Outputs.snapshot(out);
        RunReport firstReport = RunReportFile.read(out);
        run(job, true);

        assertThat(first).as("model inputs of the first run").isPositive();
        assertThat(inputs).as("model inputs of the forced run").isEmpty();
        assertThat(Outputs.snapshot(out)).isEqualTo(briefs);
        assertThat(firstReport.cache().hits()).isZero();
        assertThat(firstReport.cache().misses()).isEqualTo(first);
        RunReport second = RunReportFile.read(out);
        assertThat(second.cache().hits()).isEqualTo(first);
        assertThat(second.cache().misses()).isZero();
    }

    @Test
    void anArticleThatArrivesTwiceIsSummarisedAndTranslatedOnce() throws IOException {
        Path job = jobWithModels("");
        run(job, false);
        long alone = inputs.size();

        Path input = root.resolve("in").resolve(DATE);
        Files.copy(input.resolve("harbour-reopens.txt"), input.resolve("harbour-reopens-again.txt"));
        run(job, true);

        // Every input of the copy is one the cache has: the forced night asks no model at all.
        assertThat(alone).isPositive();
        assertThat(inputs).isEmpty();
        Path out = TestJobs.outputDir(root, DATE);
        String again = Files.readString(out.resolve("harbour-reopens-again.json"));
        String original = Files.readString(out.resolve("harbour-reopens.json"));
        assertThat(again.replace("harbour-reopens-again", "harbour-reopens")).isEqualTo(original);
    }

    @Test
    void aModelWhoseFilesOrSettingsChangedIsAskedAgain() throws IOException {
        // Without round trips, which send each model's new output to the other model as new inputs.
        Path job = jobWithModels("checks:\n  round-trip: false\n");
        run(job, false);
        long enUk = calls("opus-mt-en-uk");
        long ukEn = calls("opus-mt-uk-en");
        assertThat(enUk).isPositive();
        assertThat(ukEn).isPositive();

        // Another revision of opus-mt-en-uk's files (same content, written again).
        Path enUkFolder = root.resolve("models").resolve("opus-mt-en-uk");
        Path weights;
        try (Stream<Path> files = Files.walk(enUkFolder)) {
            weights = files.filter(p -> p.toString().endsWith(".onnx"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(weights);
        Files.delete(weights);
        Files.write(weights, bytes);
        Files.setLastModifiedTime(weights, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        run(job, true);
        assertThat(calls("opus-mt-en-uk"))
                .as("en-uk inputs after its files changed")
                .isEqualTo(enUk);
        assertThat(calls("opus-mt-uk-en")).as("uk-en inputs, unchanged model").isZero();

        // Another generation setting of opus-mt-uk-en.
        Path config = root.resolve("models").resolve("opus-mt-uk-en").resolve("generation_config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"num_beams\": *\\d+", "\"num_beams\": 2"));
        run(job, true);
        assertThat(calls("opus-mt-uk-en"))
                .as("uk-en inputs after its settings changed")
                .isEqualTo(ukEn);
        assertThat(calls("opus-mt-en-uk")).isZero();
    }

    @Test
    void withTheCacheOffEveryRunAsksTheModels() throws IOException {
        Path job = jobWithModels("cache:\n  enabled: false\n");
        run(job, false);
        long first = inputs.size();
        run(job, true);

        assertThat(inputs).hasSize((int) first);
        assertThat(List.copyOf(inputs)).isNotEmpty();
    }
}
