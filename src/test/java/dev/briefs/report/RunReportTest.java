package dev.briefs.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.StageTimers;
import dev.briefs.ledger.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Failures grouped by what fixes them: the operator's list for the morning, biggest first. */
class RunReportTest {

    private static final String DATE = "2026-11-20";

    private static LedgerEntry open(String id, String stage, String errorType, String message) {
        return new LedgerEntry(
                DATE,
                id,
                id + ".json",
                stage,
                stage.equals("read") ? null : "uk",
                0,
                errorType,
                message,
                1,
                Instant.EPOCH,
                Instant.EPOCH,
                LedgerEntry.OPEN);
    }

    @Test
    void eachReasonHasTheCommandThatFixesIt() {
        List<LedgerEntry> rows = List.of(
                open("a", "translate", "TimeoutException", "model call timed out"),
                open("b", "translate", "TimeoutException", "model call timed out"),
                open("b", "summarise", "TimeoutException", "model call timed out"),
                open("c", "read", "UnreadableArticle", "c.json: not JSON"),
                open(
                        "feed-4",
                        "read",
                        "UnreadableArticle",
                        "feed.jsonl line 4: the file has more than 3 articles, the limit per file; this line and the"
                                + " rest of the file were not read. Split the file, or raise 'max-file-articles' in the"
                                + " job file, then run the date again with --force"),
                open(
                        "d",
                        "translate",
                        "ModelNotInstalled",
                        "model not installed: opus-mt-en-uk (install it with: ...)"));

        RunReport report = RunReport.of(
                DATE,
                "run",
                List.of(),
                rows,
                StageTimers.detached(),
                Duration.ofSeconds(3),
                0,
                new RunReport.CacheUse(0, 0));

        assertThat(report.failures())
                .extracting(
                        RunReport.FailureGroup::stage, RunReport.FailureGroup::articles, RunReport.FailureGroup::fix)
                .containsExactly(
                        Tuple.tuple("translate", 2, "java -jar target/briefs.jar rerun-failed --date " + DATE),
                        Tuple.tuple(
                                "read",
                                1,
                                "fix the article's file (the message says what is wrong), "
                                        + "then: java -jar target/briefs.jar rerun-failed --date " + DATE),
                        Tuple.tuple(
                                "read",
                                1,
                                "split the file, or raise 'max-file-articles' in the job file, then: "
                                        + "java -jar target/briefs.jar run --force --date " + DATE),
                        Tuple.tuple("summarise", 1, "java -jar target/briefs.jar rerun-failed --date " + DATE),
                        Tuple.tuple(
                                "translate",
                                1,
                                "java -jar target/briefs.jar models fetch opus-mt-en-uk"
                                        + " && java -jar target/briefs.jar rerun-failed --date " + DATE));
        assertThat(report.failures().get(0).ids()).containsExactly("a", "b");
        assertThat(report.failures().get(0).example()).isEqualTo("model call timed out");
        assertThat(report.briefed()).isZero();
        assertThat(report.articlesPerMinute())
                .as("nothing written, nothing a minute")
                .isZero();
        assertThat(report.stages()).containsOnlyKeys("read", "summarise", "translate", "check", "write");
    }

    @Test
    void aMissingRouteIsFixedWithTheReadersCommandNotTheOneInTheMessage() {
        // A worker started as `briefs` recorded the message; whoever reads the report runs the program their own way.
        LedgerEntry noRoute = open(
                "e",
                "translate",
                "NoRoute",
                "no route from pl to uk: install opus-mt-pl-en: briefs models fetch opus-mt-pl-en");

        RunReport report = RunReport.of(
                DATE,
                "run",
                List.of(),
                List.of(noRoute),
                StageTimers.detached(),
                Duration.ofSeconds(3),
                0,
                new RunReport.CacheUse(0, 0));

        assertThat(report.failures())
                .singleElement()
                .extracting(RunReport.FailureGroup::fix)
                .isEqualTo(
                        "java -jar target/briefs.jar models fetch opus-mt-pl-en && java -jar target/briefs.jar rerun-failed --date "
                                + DATE);
    }
}
