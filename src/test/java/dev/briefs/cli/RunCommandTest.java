package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.BriefJson;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command as a user meets it: the shipped sample articles, reruns, and mistakes. */
class RunCommandTest {

    private static final String SAMPLE_DATE = "2026-11-20";

    @TempDir
    Path root;

    @Test
    void helpIsAvailableOnEveryCommand() {
        CommandResult top = CommandResult.run("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("Usage: briefs").contains("run");
        CommandResult run = CommandResult.run("run", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("JOB_FILE")
                .contains("--date")
                .contains("--input")
                .contains("--output")
                .contains("--force");
    }

    @Test
    void badDateIsAUsageErrorOnOneLine() {
        CommandResult r = CommandResult.run("run", "jobs/nightly.yaml", "--date", "20-11-2026");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("briefs: --date '20-11-2026' is not a date; write it as YYYY-MM-DD");
    }

    @Test
    void missingJobFileAndInputFolderAreUsageErrors() throws IOException {
        CommandResult noJob = CommandResult.run("run", root.resolve("nope.yaml").toString(), "--date", SAMPLE_DATE);
        assertThat(noJob.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noJob.err())
                .contains("nope.yaml does not exist")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");

        Path job = TestJobs.write(root, "");
        CommandResult noInput = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);
        assertThat(noInput.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noInput.err()).contains("input folder").contains(SAMPLE_DATE).contains("does not exist");
    }

    @Test
    void mistakesInTheJobFileNameTheSetting() throws IOException {
        Path job = TestJobs.write(root, "brief:\n  max-wrods: 40\n");
        CommandResult r = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("job.yaml")
                .contains("unknown setting 'max-wrods'")
                .contains("line");

        Files.writeString(job, Files.readString(job).replace("max-wrods: 40", "max-words: -3"));
        CommandResult negative = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).contains("brief.max-words must be a positive number, is -3");
    }

    @Test
    void batchOnnxAndVariantSettingsAreCheckedWithTheSettingNamed() throws IOException {
        TestJobs.inputWithSamples(root, SAMPLE_DATE);
        Map<String, String> mistakes = Map.of(
                "batch:\n  max-rows: 0\n", "batch.max-rows must be a positive number, is 0",
                "batch:\n  length-bucket: -8\n", "batch.length-bucket must be a positive number, is -8",
                "batch:\n  max-call-mib: 0\n", "batch.max-call-mib must be a positive number, is 0",
                "onnx:\n  optimization: max\n", "onnx.optimization: unknown graph optimisation level 'max'",
                "onnx:\n  intra-op-threads: -1\n", "onnx.intra-op-threads and onnx.inter-op-threads must be 0");
        for (Map.Entry<String, String> m : mistakes.entrySet()) {
            Path job = TestJobs.write(root, m.getKey());
            CommandResult r = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);
            assertThat(r.exitCode()).as(m.getKey()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(m.getKey()).contains("job.yaml").contains(m.getValue());
        }
        Path job = TestJobs.write(root, "");
        Files.writeString(job, Files.readString(job).replace("  translate:\n", "  variant: fp16\n  translate:\n"));
        CommandResult fp16 = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);
        assertThat(fp16.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fp16.err())
                .contains("models.variant 'fp16' cannot be loaded")
                .contains("use fp32, q4 or quantized");
        Files.writeString(job, Files.readString(job).replace("  variant: fp16\n", "  variant: best\n"));
        CommandResult unknown = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err())
                .contains("job.yaml: models.variant: unknown variant 'best': use fp32, quantized, q4 or fp16");
        // A night's variant is its job file's, which rerun-failed and the workers read too: no --variant for run.
        Path plain = TestJobs.write(root, "");
        CommandResult option =
                CommandResult.run("run", plain.toString(), "--date", SAMPLE_DATE, "--variant", "quantized");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).contains("--variant").doesNotContain("\tat ");
    }

    @Test
    void shippedSampleArticlesGetEnglishAndUkrainianBriefsUntilTranslationModelsAreMissing() throws IOException {
        TestJobs.inputWithSamples(root, SAMPLE_DATE);
        Path job = TestJobs.write(root, "");
        CommandResult first = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.SOME_FAILED);
        Path out = TestJobs.outputDir(root, SAMPLE_DATE);
        List<Brief> briefs = BriefFiles.readAll(out);
        assertThat(briefs)
                .extracting(Brief::id)
                .containsExactly("harbour-reopens", "library-night", "rail-timetable", "school-meals");
        for (Brief b : briefs) {
            assertThat(Files.readString(out.resolve(b.id() + ".md")))
                    .contains("## English")
                    .contains("## Українська");
            String source = b.language();
            String other = source.equals("en") ? "uk" : "en";
            assertThat(b.briefs().get(source).status()).isEqualTo("ok");
            assertThat(b.briefs().get(source).model())
                    .isEqualTo(source.equals("en") ? "extractive:all-minilm-l6-v2" : "extractive:lexical-tfidf");
            assertThat(b.briefs().get(other).status()).isEqualTo("failed");
            assertThat(b.briefs().get(other).text()).isNull();
            assertThat(b.briefs().get(other).error())
                    .startsWith("model not installed: opus-mt-" + source + "-" + other);
            assertThat(b.status()).isEqualTo("partial");
        }
        assertThat(briefs).extracting(Brief::language).containsExactly("en", "uk", "en", "uk");
        assertThat(first.out())
                .contains("4 articles, 0 complete, 4 partial, 0 failed")
                .contains("harbour-reopens [uk]: model not installed: opus-mt-en-uk");

        List<String> lines = Files.readAllLines(out.resolve("briefs.jsonl"));
        assertThat(lines).hasSize(4);
        // One line a story: none of the four samples tells another's story.
        assertThat(BriefJson.readStory(lines.get(2)).brief().source().url())
                .isEqualTo("https://example.org/news/2026/11/20/night-train-warsaw");
        assertThat(BriefJson.readStory(lines.get(2)).members())
                .extracting(m -> m.url())
                .containsExactly("https://example.org/news/2026/11/20/night-train-warsaw");
        assertThat(Files.readString(out.resolve("digest.md")))
                .startsWith("# Briefs for " + SAMPLE_DATE)
                .contains("Night train to Warsaw returns to the timetable")
                .contains("## Failures");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }

        CommandResult again = CommandResult.run("run", job.toString(), "--date", SAMPLE_DATE);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(again.out()).contains("already finished; nothing to do");
        assertThat(Files.readAllLines(out.resolve("briefs.jsonl"))).isEqualTo(lines);

        CommandResult status = CommandResult.run("status", job.toString(), "--date", SAMPLE_DATE);
        assertThat(status.exitCode()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(status.out())
                .contains("nightly-briefs #1 COMPLETED")
                .contains("4 articles, 0 complete, 4 partial")
                .contains("Failures: 4 open, 0 resolved")
                .contains("harbour-reopens translate [uk] chunk 0: model not installed: opus-mt-en-uk")
                .contains("Redo them with: java -jar target/briefs.jar rerun-failed");

        // The everyday repair: the models arrive, the failed chunks are rerun, the other language appears.
        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-uk-en");
        CommandResult rerun = CommandResult.run("rerun-failed", job.toString(), "--date", SAMPLE_DATE);
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        assertThat(rerun.out()).contains("4 articles, 4 complete, 0 partial, 0 failed");
        assertThat(BriefFiles.readAll(out)).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo("ok");
            assertThat(b.briefs().values())
                    .allSatisfy(lb -> assertThat(lb.text()).isNotBlank());
        });
        List<String> rerunLines = Files.readAllLines(out.resolve("briefs.jsonl"));
        assertThat(rerunLines).hasSize(4).doesNotHaveDuplicates();
        assertThat(Files.readString(out.resolve("digest.md")))
                .contains("4 articles in 4 stories: 4 complete")
                .doesNotContain("## Failures");
        CommandResult after = CommandResult.run("status", job.toString(), "--date", SAMPLE_DATE);
        assertThat(after.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(after.out()).contains("rerun-failed #2 COMPLETED").contains("Failures: 0 open, 4 resolved");
    }
}
