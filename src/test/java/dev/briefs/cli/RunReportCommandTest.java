package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.report.RunReport;
import dev.briefs.report.RunReportFile;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The morning's two files and the end of the console output, on the shipped sample articles with
 * one translation model missing: {@code report.json} and the summary say what is done, what is not
 * and which command fixes it; {@code briefs.atom} has every story once, before and after the rerun.
 */
class RunReportCommandTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    private static SyndFeed feed(Path out) throws Exception {
        return new SyndFeedInput().build(new File(out.resolve("briefs.atom").toString()));
    }

    @Test
    void theReportAndTheSummaryGroupFailuresWithTheirFixAndTheFeedHasEveryStoryOnce() throws Exception {
        TestJobs.inputWithSamples(root, DATE);
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        Path job = TestJobs.write(root, "");
        Path out = TestJobs.outputDir(root, DATE);

        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SOME_FAILED);
        RunReport report = RunReportFile.read(out);
        assertThat(report.command()).isEqualTo("run");
        assertThat(List.of(report.articles(), report.complete(), report.partial(), report.failed()))
                .as("articles, complete, partial, failed")
                .containsExactly(4, 2, 2, 0);
        assertThat(report.briefed()).isEqualTo(4);
        assertThat(report.articlesPerMinute()).isPositive();
        assertThat(report.stages()).containsOnlyKeys("read", "summarise", "translate", "check", "write");
        assertThat(report.stages().values())
                .allSatisfy(t -> assertThat(t.seconds()).isNotNegative());
        assertThat(report.stages().get("read").calls()).isPositive();
        assertThat(report.stages().get("write").calls()).isPositive();
        assertThat(report.failures()).singleElement().satisfies(g -> {
            assertThat(g.stage()).isEqualTo("translate");
            assertThat(g.errorType()).isEqualTo("ModelNotInstalled");
            assertThat(g.articles()).isEqualTo(2);
            assertThat(g.ids()).containsExactly("harbour-reopens", "rail-timetable");
            assertThat(g.fix())
                    .isEqualTo("java -jar target/briefs.jar models fetch opus-mt-en-uk && "
                            + "java -jar target/briefs.jar rerun-failed --date " + DATE);
        });
        assertThat(report.models())
                .extracting(RunReport.ModelUse::model)
                .containsExactly("extractive:all-minilm-l6-v2", "extractive:lexical-tfidf", "opus-mt-uk-en");
        assertThat(report.models())
                .filteredOn(m -> m.model().equals("opus-mt-uk-en"))
                .singleElement()
                .satisfies(m -> assertThat(m.revision()).isNotBlank());

        assertThat(run.out())
                .as("the report lines that were there before stay")
                .contains("4 articles, 2 complete, 2 partial, 0 failed")
                .contains("harbour-reopens [uk]: model not installed: opus-mt-en-uk");
        assertThat(run.out())
                .contains("Summary of this run: 2 complete, 2 partial, 0 failed; 4 briefs written in ")
                .contains("Time per stage: read ")
                .contains(", summarise ")
                .contains(", translate ")
                .contains(", write ")
                .contains(
                        "Failures by reason:\n  translate, ModelNotInstalled: 2 articles (harbour-reopens, rail-timetable)\n"
                                + "    fix: java -jar target/briefs.jar models fetch opus-mt-en-uk && java -jar target/briefs.jar "
                                + "rerun-failed --date " + DATE)
                .contains("Models: extractive:all-minilm-l6-v2, extractive:lexical-tfidf, opus-mt-uk-en @ ")
                .contains("Report: " + out.resolve("report.json"));

        SyndFeed before = feed(out);
        List<Brief> briefs = BriefFiles.readAll(out);
        assertThat(before.getEntries())
                .extracting(SyndEntry::getUri)
                .containsExactlyElementsOf(briefs.stream()
                        .map(b -> "tag:briefs.dev," + DATE + ":" + b.id())
                        .toList());
        assertThat(before.getEntries())
                .extracting(SyndEntry::getLink)
                .as("each story links to its source")
                .containsExactlyElementsOf(
                        briefs.stream().map(b -> b.source().url()).toList())
                .contains("https://example.org/news/2026/11/20/night-train-warsaw");

        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        CommandResult rerun = CommandResult.run("rerun-failed", job.toString(), "--date", DATE);

        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        RunReport after = RunReportFile.read(out);
        assertThat(after.command()).isEqualTo("rerun-failed");
        assertThat(List.of(after.articles(), after.complete(), after.partial(), after.failed()))
                .containsExactly(4, 4, 0, 0);
        assertThat(after.briefed()).as("only the two articles that failed").isEqualTo(2);
        assertThat(after.failures()).isEmpty();
        assertThat(after.models()).extracting(RunReport.ModelUse::model).contains("opus-mt-en-uk", "opus-mt-uk-en");
        assertThat(rerun.out())
                .contains("Summary of this rerun-failed: 4 complete, 0 partial, 0 failed; 2 briefs written")
                .doesNotContain("Failures by reason");
        assertThat(feed(out).getEntries())
                .as("the rerun replaced entries, it added none")
                .extracting(SyndEntry::getUri)
                .containsExactlyElementsOf(
                        before.getEntries().stream().map(SyndEntry::getUri).toList());
    }
}
