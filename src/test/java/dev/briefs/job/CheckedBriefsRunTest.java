package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.check.CheckKind;
import dev.briefs.check.CheckResult;
import dev.briefs.cli.ExitCodes;
import dev.briefs.job.settings.JobFileException;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.report.RunReport;
import dev.briefs.report.RunReportFile;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import dev.briefs.trust.RoundTrip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The night's briefs checked: every language brief with text has its fact checks, every translation
 * its confidence and its round trip through the models installed both ways (the tiny random-weight
 * Marian models: meaningless text, but their real output), and a brief below the job file's
 * thresholds is marked doubtful in its JSON, its Markdown, the digest and the report, and still written.
 */
class CheckedBriefsRunTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    private Path job(String extra) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        return TestJobs.write(root, extra);
    }

    private Map<String, Brief> briefs() throws IOException {
        return BriefFiles.readAll(TestJobs.outputDir(root, DATE)).stream()
                .collect(Collectors.toMap(Brief::id, Function.identity()));
    }

    @Test
    void everyTranslationHasItsChecksConfidenceAndRoundTripAndBelowTheThresholdsItIsDoubtfulButWritten()
            throws IOException {
        Path job = job("");
        CommandResult first = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        Map<String, Brief> night = briefs();
        assertThat(night).hasSize(4);
        for (Brief b : night.values()) {
            String other = b.language().equals("en") ? "uk" : "en";
            Brief.LanguageBrief own = b.briefs().get(b.language());
            assertThat(own.checks())
                    .as(b.id())
                    .extracting(CheckResult::kind)
                    .containsExactly(CheckKind.NUMBERS, CheckKind.NAMES, CheckKind.NEGATION);
            assertThat(own.confidence()).isNull();
            assertThat(own.roundTrip()).isNull();
            Brief.LanguageBrief translated = b.briefs().get(other);
            assertThat(translated.checks())
                    .as(b.id())
                    .extracting(CheckResult::kind)
                    .containsExactly(CheckKind.NUMBERS, CheckKind.NAMES, CheckKind.NEGATION);
            assertThat(translated.confidence()).as(b.id()).isNotNull().isNegative();
            RoundTrip trip = translated.roundTrip();
            assertThat(trip.measured()).as(b.id() + ": " + trip.notMeasured()).isTrue();
            assertThat(trip.model()).isEqualTo("opus-mt-" + other + "-" + b.language());
            assertThat(trip.measure()).isEqualTo(b.language().equals("en") ? RoundTrip.EMBEDDING : RoundTrip.CHRF);
            assertThat(trip.text())
                    .as("what the model wrote back, however little")
                    .isNotNull();
        }
        RunReport firstReport = RunReportFile.read(TestJobs.outputDir(root, DATE));
        assertThat(firstReport.checked()).isEqualTo(8);
        assertThat(firstReport.stages().get("check").calls()).isPositive();

        // Thresholds above anything the models reach: every translation is doubtful, and nothing else changes.
        Files.writeString(job, Files.readString(job) + """
                checks:
                  min-confidence: 0
                  min-round-trip-embedding: 1
                  min-round-trip-chrf: 100
                """);
        CommandResult strict = CommandResult.run("run", job.toString(), "--date", DATE, "--force");
        assertThat(strict.exitCode()).as(strict.out() + strict.err()).isEqualTo(ExitCodes.OK);
        Path out = TestJobs.outputDir(root, DATE);
        Map<String, Brief> doubted = briefs();
        int doubtful = 0;
        for (Brief b : doubted.values()) {
            Brief before = night.get(b.id());
            assertThat(b.status()).as(b.id()).isEqualTo(before.status()).isEqualTo(Brief.OK);
            String other = b.language().equals("en") ? "uk" : "en";
            Brief.LanguageBrief translated = b.briefs().get(other);
            assertThat(translated.text())
                    .as("still written")
                    .isEqualTo(before.briefs().get(other).text());
            assertThat(translated.doubtful())
                    .as(b.id())
                    .contains("confidence " + twoDecimals(translated.confidence()) + " below 0.00")
                    .contains("round trip " + twoDecimals(translated.roundTrip().score()) + " below "
                            + (b.language().equals("en") ? "1.00 (embedding)" : "100.00 (chrF)"));
            assertThat(Files.readString(out.resolve(b.id() + ".json"))).contains("\"doubtful\" : [");
            assertThat(Files.readString(out.resolve(b.id() + ".md")))
                    .contains("**Doubtful:**")
                    .contains("- confidence " + twoDecimals(translated.confidence()) + " below 0.00");
            doubtful += (int) b.briefs().values().stream()
                    .filter(Brief.LanguageBrief::hasDoubts)
                    .count();
        }
        assertThat(doubtful).isBetween(4, 8);
        RunReport report = RunReportFile.read(out);
        assertThat(report.doubtful()).isEqualTo(doubtful);
        assertThat(report.checked()).isEqualTo(8);
        assertThat(strict.out()).contains("Doubtful: " + doubtful + " of 8 language briefs checked");
        assertThat(Files.readString(out.resolve(BriefFiles.DIGEST)))
                .contains("Doubtful: " + doubtful + " of 8")
                .containsPattern("  - \\*\\*Doubtful:\\*\\* .*confidence -?[0-9]+\\.[0-9]{2} below 0\\.00");
        Document page = Jsoup.parse(Files.readString(out.resolve(BriefFiles.DIGEST_HTML)));
        assertThat(page.selectFirst("header .counts .mark.doubtful").text()).isEqualTo(doubtful + " doubtful");
        assertThat(page.select("article.story")).hasSize(4).allSatisfy(story -> {
            assertThat(story.select(".story-head .mark"))
                    .extracting(Element::text)
                    .contains("complete", "doubtful");
            assertThat(story.select(".lang .doubts li"))
                    .extracting(Element::text)
                    .anyMatch(r -> r.startsWith("confidence "));
            assertThat(story.select(".lang .checks"))
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.text()).startsWith("Checked against the "));
        });
    }

    @Test
    void withChecksOffTheBriefsCarryNoChecksAndNothingIsCounted() throws IOException {
        Path job = job("checks:\n  enabled: false\n");
        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);

        Path out = TestJobs.outputDir(root, DATE);
        for (Brief b : briefs().values()) {
            assertThat(Files.readString(out.resolve(b.id() + ".json")))
                    .doesNotContain("\"checks\"")
                    .doesNotContain("\"confidence\"")
                    .doesNotContain("\"roundTrip\"")
                    .doesNotContain("\"doubtful\"");
        }
        assertThat(RunReportFile.read(out).checked()).isZero();
        assertThat(run.out()).doesNotContain("Doubtful:");
        assertThat(Files.readString(out.resolve(BriefFiles.DIGEST_HTML))).doesNotContain("doubtful</span>");
    }

    @Test
    void badCheckSettingsStopTheRunWithOneLineNamingTheSetting() throws IOException {
        Map<String, String> mistakes = Map.of(
                "checks:\n  min-confidence: 0.5\n",
                        "checks.min-confidence must be a mean log-probability per token, 0 or below",
                "checks:\n  min-round-trip-embedding: 1.2\n",
                        "checks.min-round-trip-embedding must be a cosine similarity from 0 to 1",
                "checks:\n  min-round-trip-chrf: -3\n", "checks.min-round-trip-chrf must be a chrF score from 0 to 100",
                "checks:\n  min-confidense: -1\n", "unknown setting 'min-confidense'",
                "checks:\n  doubt-on: [numbers, colours]\n",
                        "checks.doubt-on lists 'colours', which is no check; the checks are"
                                + " [numbers, names, negation, style]");
        for (Map.Entry<String, String> m : mistakes.entrySet()) {
            Path job = TestJobs.write(root, m.getKey());
            assertThatThrownBy(() -> JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null))
                    .as(m.getKey())
                    .isInstanceOf(JobFileException.class)
                    .hasMessageContaining("job.yaml")
                    .hasMessageContaining(m.getValue());
        }
        Path job = TestJobs.write(root, "checks:\n  round-trip: sometimes\n");
        CommandResult r = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = r.err().strip().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains("job.yaml")
                .contains("checks.round-trip")
                .doesNotContain("\tat ");
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
