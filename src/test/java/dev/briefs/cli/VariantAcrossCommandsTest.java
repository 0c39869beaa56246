package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One installed model folder holding both fp32 and quantized graphs (as a fixture does) gives the
 * same translation from {@code translate} as from the night: both load fp32 unless told otherwise,
 * and both load quantized when told. The article is one English sentence, so its English brief is
 * that sentence and its Ukrainian brief is the sentence translated in one model call, which is what
 * {@code translate} does with it. The tiny models' fp32 and quantized graphs translate it differently.
 */
class VariantAcrossCommandsTest {

    private static final String DATE = "2026-11-20";
    private static final String SENTENCE = "Chondroitin is essential for the resilience of cartilage.";

    @TempDir
    Path root;

    private Path job;
    private Path enUk;

    @BeforeEach
    void installBothVariantsAndOneArticle() throws IOException {
        Path models = root.resolve("models");
        enUk = TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        assertThat(enUk.resolve("onnx/encoder_model.onnx")).exists();
        assertThat(enUk.resolve("onnx/encoder_model_quantized.onnx")).exists();
        Files.writeString(TestJobs.inputDir(root, DATE).resolve("cartilage.json"), """
                {"title": "Cartilage", "url": "https://example.org/en/cartilage", "date_publish": "2026-11-20 09:00:00",
                 "language": "en", "maintext": "%s"}
                """.formatted(SENTENCE));
        job = TestJobs.write(root, "");
    }

    private String translate(String... variant) {
        String[] args = {"translate", "--model", enUk.toString()};
        CommandResult r = CommandResult.run(concat(args, variant, new String[] {SENTENCE}));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().strip();
    }

    private Brief.LanguageBrief nightsUkrainianBrief() throws IOException {
        CommandResult night = CommandResult.run("run", job.toString(), "--date", DATE, "--force");
        assertThat(night.exitCode()).as(night.out() + night.err()).isEqualTo(ExitCodes.OK);
        Brief brief = BriefFiles.readAll(TestJobs.outputDir(root, DATE)).get(0);
        assertThat(brief.briefs().get("en").text())
                .as("the article's one sentence")
                .isEqualTo(SENTENCE);
        Brief.LanguageBrief uk = brief.briefs().get("uk");
        assertThat(uk.model()).isEqualTo("opus-mt-en-uk");
        assertThat(uk.chunks().total()).as("one model call, as translate makes").isEqualTo(1);
        return uk;
    }

    @Test
    void translateAndTheNightLoadFp32ByDefaultFromTheSameFolder() throws IOException {
        String fp32 = translate("--variant", "fp32");
        String quantized = translate("--variant", "quantized");
        assertThat(fp32).as("the two variants differ on this sentence").isNotEqualTo(quantized);

        assertThat(translate()).isEqualTo(fp32);
        assertThat(nightsUkrainianBrief().text()).isEqualTo(fp32);
    }

    @Test
    void askedForQuantizedBothLoadTheQuantizedGraphs() throws IOException {
        String quantized = translate("--variant", "quantized");
        Files.writeString(job, Files.readString(job).replace("  translate:\n", "  variant: quantized\n  translate:\n"));
        assertThat(nightsUkrainianBrief().text())
                .as("models.variant in the job file")
                .isEqualTo(quantized);
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
