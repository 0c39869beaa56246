package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.summarise.SummaryPath;
import dev.briefs.summarise.Words;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with generation models installed: the tiny random-weight Marian and BART models stand
 * in for opus-mt and distilbart (their output is gibberish, but it is the models' real output).
 */
class InstalledModelsRunTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    private Path jobWithModels() throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        TinyModels.install("tiny-bart", models, "distilbart-cnn-6-6");
        return TestJobs.write(root, "").resolveSibling("job.yaml");
    }

    private static void addSummariser(Path job) throws IOException {
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("  translate:\n", "  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
    }

    @Test
    void installedModelsGiveBriefsInBothLanguagesAndTheirNamesAreRecorded() throws IOException {
        Path job = jobWithModels();
        addSummariser(job);
        CommandResult result = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
        List<Brief> briefs = BriefFiles.readAll(TestJobs.outputDir(root, DATE));
        assertThat(briefs).hasSize(4);
        for (Brief b : briefs) {
            assertThat(b.status()).as(b.id()).isEqualTo("ok");
            assertThat(b.chunks().failed()).isZero();
            assertThat(b.briefs()).containsOnlyKeys("uk", "en");
            b.briefs().values().forEach(lb -> {
                assertThat(lb.status()).isEqualTo("ok");
                assertThat(lb.text()).isNotBlank();
                assertThat(Words.count(lb.text())).isLessThanOrEqualTo(80);
            });
            if (b.language().equals("en")) {
                assertThat(b.briefs().get("en").model()).isEqualTo("distilbart-cnn-6-6");
                // The sample articles are longer than the tiny model's 64 positions: map-reduce, in its file and its
                // Markdown.
                assertThat(b.summary().path()).as(b.id()).isEqualTo(SummaryPath.MAP_REDUCE);
                assertThat(b.summary().chunks())
                        .isEqualTo(b.briefs().get("en").chunks().total())
                        .isGreaterThan(1);
                assertThat(b.summary().rounds()).isPositive();
                assertThat(Files.readString(TestJobs.outputDir(root, DATE).resolve(b.id() + ".md")))
                        .contains("*Model: distilbart-cnn-6-6 (map-reduce over "
                                + b.summary().chunks() + " chunks, ");
                assertThat(b.briefs().get("uk").model()).isEqualTo("opus-mt-en-uk");
                assertThat(b.briefs().get("uk").revision())
                        .as("installed by hand")
                        .isEqualTo("unverified");
            } else {
                assertThat(b.briefs().get("uk").model()).isEqualTo("extractive:lexical-tfidf");
                assertThat(b.summary().path()).isEqualTo(SummaryPath.EXTRACTIVE);
                assertThat(b.briefs().get("en").model()).isEqualTo("opus-mt-uk-en");
            }
        }
        assertThat(result.out()).contains("4 articles, 4 complete, 0 partial, 0 failed");
    }

    @Test
    void oneMultilingualModelServesBothDirections() throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        TinyModels.install("tiny-nllb", root.resolve("models"), "nllb");
        Path job = TestJobs.write(root, "");
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("en-uk: opus-mt-en-uk", "en-uk: nllb")
                        .replace("uk-en: opus-mt-uk-en", "uk-en: nllb"));
        CommandResult result = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
        for (Brief b : BriefFiles.readAll(TestJobs.outputDir(root, DATE))) {
            String other = b.language().equals("en") ? "uk" : "en";
            assertThat(b.briefs().get(other).model()).isEqualTo("nllb");
            assertThat(b.briefs().get(other).status()).isEqualTo("ok");
            assertThat(b.briefs().get(other).text()).isNotBlank();
        }
    }

    @Test
    void aCorruptModelStopsTheRunBeforeItStartsWithOneLineNamingIt() throws IOException {
        Path job = jobWithModels();
        Path graph =
                root.resolve("models/opus-mt-en-uk/onnx/encoder_model.onnx"); // the variant the job loads by default
        Files.write(graph, new byte[] {1, 2, 3});
        CommandResult result = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = result.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("briefs: model opus-mt-en-uk cannot be loaded")
                .contains("encoder_model.onnx")
                .contains("models fetch opus-mt-en-uk");
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(TestJobs.outputDir(root, DATE)).doesNotExist();
    }

    @Test
    void aRefusedGenerationSettingStopsTheRunWithOneLineNamingKeyAndFile() throws IOException {
        Path job = jobWithModels();
        Path file = root.resolve("models/opus-mt-en-uk/generation_config.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{\"num_beam_groups\": 2, "));
        CommandResult result = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = result.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("briefs: model opus-mt-en-uk cannot be loaded")
                .contains("num_beam_groups: 2")
                .contains(file.toString())
                .contains("set it to 1")
                .doesNotContain("models fetch"); // fetching the same file again would not help
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(TestJobs.outputDir(root, DATE)).doesNotExist();
    }
}
