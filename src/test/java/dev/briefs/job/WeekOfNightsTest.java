package dev.briefs.job;

import static dev.briefs.support.WeekOfNights.date;
import static dev.briefs.support.WeekOfNights.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.FailureInjectionTest.FailingModels;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.support.CommandResult;
import dev.briefs.support.EmbeddedPostgresRepository;
import dev.briefs.support.InterceptedModels;
import dev.briefs.support.WeekOfNights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seven consecutive dates on one job repository, as a production week has them: model failures on some
 * nights, a night that fails, {@code rerun-failed} and {@code run} again on some mornings, one of them days
 * later. Every date ends with its briefs complete and each once, {@code status} tells each date's state
 * right also after later nights ran, the output cache drops what is older than {@code cache.max-age-days}
 * and never uses it, and the repository grows by each night's own data only. Once on H2, once on PostgreSQL.
 */
class WeekOfNightsTest {

    @TempDir
    Path root;

    @Test
    void aWeekOnTheEmbeddedRepository() throws IOException {
        week(new WeekOfNights(root, ""));
    }

    @Test
    void aWeekOnPostgreSql() throws IOException {
        week(new WeekOfNights(root, EmbeddedPostgresRepository.jobFileLines()));
    }

    private static FailingModels forGood(String model, String marker) {
        return new FailingModels(
                model, text -> text.contains(marker), -1, new UncheckedIOException(new IOException("model timed out")));
    }

    private static void week(WeekOfNights week) throws IOException {
        List<Long> sizes = new ArrayList<>();

        // Before the week: status makes the repository's schema and says the date never ran.
        assertStatus(week, 1, ExitCodes.OK, "  none");
        sizes.add(week.repositoryBytes());

        // Night 1: clean.
        week.articles(1);
        assertComplete(week.run(1, day(1, 0), ModelDecorator.NONE));
        sizes.add(week.repositoryBytes());
        assertCacheWithinAge(week, 1);

        // Night 2: night 1's English article arrives again, a day later: the cache answers it. The English
        // article's Ukrainian translation fails for good, and rerun-failed completes the day in the morning.
        week.articles(2, "harbour-again.txt", WeekOfNights.english(1));
        JobRunner.Outcome second = week.run(2, day(2, 0), forGood("opus-mt-en-uk", "12 ships"));
        assertThat(second.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(second.report().partial()).isEqualTo(1);
        assertThat(week.inputs()).isNotEmpty().noneMatch(input -> input.contains("11 ships"));
        sizes.add(week.repositoryBytes());
        assertComplete(week.rerunFailed(2, day(2, 6), ModelDecorator.NONE));
        assertCacheWithinAge(week, 2);

        // Night 3: a bug in the model work fails the night; it is run again only after night 5.
        week.articles(3);
        ModelDecorator buggy = InterceptedModels.before((name, text) -> {
            if (text.contains("23 бібліотек")) {
                throw new NullPointerException("Cannot read the array length because \"ids\" is null");
            }
        });
        assertThat(week.run(3, day(3, 0), buggy).status()).isEqualTo(JobRunner.Status.FAILED);
        sizes.add(week.repositoryBytes());

        // Night 4: the Ukrainian article's English translation fails for good; left open until the week's end.
        week.articles(4);
        JobRunner.Outcome fourth = week.run(4, day(4, 0), forGood("opus-mt-uk-en", "24 бібліотек"));
        assertThat(fourth.status()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(fourth.report().partial()).isEqualTo(1);
        sizes.add(week.repositoryBytes());
        assertCacheWithinAge(week, 4);

        // Night 5: every call on the English article fails once, and its retry succeeds.
        week.articles(5);
        FailingModels onceEach = new FailingModels(
                "opus-mt-en-uk",
                t -> t.contains("15 ships"),
                1,
                new UncheckedIOException(new IOException("connection reset by model server")));
        assertComplete(week.run(5, day(5, 0), onceEach));
        assertThat(onceEach.failedCalls).isNotEmpty();
        sizes.add(week.repositoryBytes());
        assertCacheWithinAge(week, 5);

        // The middle of the week: each earlier date as it stands, after the nights that followed it.
        assertStatus(
                week, 1, ExitCodes.OK, "2 articles, 2 complete, 0 partial, 0 failed", "Failures: 0 open, 0 resolved");
        assertStatus(week, 2, ExitCodes.OK, "3 articles, 3 complete, 0 partial, 0 failed", "Failures: 0 open, ")
                .containsPattern("(?s)nightly-briefs #\\d+ COMPLETED.*rerun-failed #\\d+ COMPLETED")
                .doesNotContain("Failures: 0 open, 0 resolved");
        assertStatus(week, 3, ExitCodes.JOB_FAILED, "Failures: 0 open, 0 resolved")
                .containsPattern("nightly-briefs #\\d+ FAILED, .*\"ids\" is null")
                .contains("The last run did not finish (FAILED: ")
                .contains("Go on with: java -jar target/briefs.jar run " + week.job() + " --date " + date(3));
        assertStatus(week, 4, ExitCodes.SOME_FAILED, "2 articles, 1 complete, 1 partial, 0 failed")
                .containsPattern("Failures: [1-9]\\d* open, 0 resolved")
                .contains("libraries translate [en] chunk 0: java.io.IOException: model timed out")
                .contains("Redo them with: ");
        assertStatus(
                week, 5, ExitCodes.OK, "2 articles, 2 complete, 0 partial, 0 failed", "Failures: 0 open, 0 resolved");

        // Night 3's bug fixed: run goes on with it, two days later.
        assertComplete(week.run(3, day(5, 6), ModelDecorator.NONE));

        // Night 6: night 1's English article again, five days later: past the age limit, so the model makes it
        // again, and the brief is the same.
        week.articles(6, "harbour-again.txt", WeekOfNights.english(1));
        assertComplete(week.run(6, day(6, 0), ModelDecorator.NONE));
        assertThat(week.inputs()).anyMatch(input -> input.startsWith("opus-mt-en-uk: ") && input.contains("11 ships"));
        assertThat(BriefFiles.read(week.settings(6).folders().output(), "harbour-again")
                        .briefs()
                        .get("uk")
                        .text())
                .isEqualTo(BriefFiles.read(week.settings(1).folders().output(), "harbour")
                        .briefs()
                        .get("uk")
                        .text());
        sizes.add(week.repositoryBytes());
        assertCacheWithinAge(week, 6);

        // Night 7: clean; then night 4's open failure is redone, three days late.
        week.articles(7);
        assertComplete(week.run(7, day(7, 0), ModelDecorator.NONE));
        sizes.add(week.repositoryBytes());
        assertCacheWithinAge(week, 7);
        assertComplete(week.rerunFailed(4, day(7, 6), ModelDecorator.NONE));

        // The week's end: every date done, every brief once; each date's runs as they happened.
        for (int night = 1; night <= WeekOfNights.NIGHTS; night++) {
            int articles = assertOnce(week, night);
            AbstractStringAssert<?> status = assertStatus(
                            week,
                            night,
                            ExitCodes.OK,
                            articles + " articles, " + articles + " complete, 0 partial, 0 failed",
                            "Failures: 0 open, ")
                    .doesNotContain("did not finish");
            if (night == 3) {
                status.containsPattern("(?s)nightly-briefs #\\d+ FAILED.*nightly-briefs #\\d+ COMPLETED");
            } else if (night == 4) {
                status.containsPattern("(?s)nightly-briefs #\\d+ COMPLETED.*rerun-failed #\\d+ COMPLETED");
            }
        }

        /*
         * The repository grows by each night's own data only. Nights 2-4 and nights 5-7 each hold four runs
         * (three nights, and night 2's rerun-failed or night 3's second run), and nights 5-7 keep no more
         * model outputs than nights 2-4 added, since from night 5 on the cache's pruning deletes about as many as
         * a night adds: so the second half of the week cannot need more room than the first. One and a half
         * times is allowed because both grow in whole units (PostgreSQL's 8 KiB pages of each table and
         * index, H2's chunks), a few KiB of rows either side of a unit's end, and H2 compacts its file on close
         * for a bounded time only. A repository whose nights wrote in proportion to the nights before them
         * would add (5+6+7)/(2+3+4) = twice as much in the second half.
         */
        long firstHalf = sizes.get(4) - sizes.get(1);
        long secondHalf = sizes.get(7) - sizes.get(4);
        assertThat(secondHalf).as("bytes added by nights 5-7 (sizes %s)", sizes).isLessThanOrEqualTo(firstHalf * 3 / 2);
    }

    /** {@code status} of the night's date: its exit status and the lines it must print. */
    private static AbstractStringAssert<?> assertStatus(WeekOfNights week, int night, int exit, String... lines) {
        CommandResult status = week.status(night);
        assertThat(status.exitCode()).as(status.out() + status.err()).isEqualTo(exit);
        AbstractStringAssert<?> out = assertThat(status.out()).contains("Runs for " + date(night) + ":");
        for (String line : lines) {
            out.contains(line);
        }
        return out;
    }

    private static void assertComplete(JobRunner.Outcome outcome) {
        assertThat(outcome.status()).as(outcome.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(outcome.report().allComplete()).isTrue();
    }

    /**
     * Every article of the date has one complete brief, and every story one line in {@code briefs.jsonl}.
     *
     * @return the date's articles
     */
    private static int assertOnce(WeekOfNights week, int night) throws IOException {
        Path out = week.settings(night).folders().output();
        int articles;
        try (Stream<Path> files = Files.list(week.settings(night).folders().input())) {
            articles = (int) files.count();
        }
        List<Brief> briefs = BriefFiles.readAll(out);
        assertThat(briefs)
                .hasSize(articles)
                .allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));
        assertThat(briefs).extracting(Brief::id).doesNotHaveDuplicates();
        assertThat(Files.readAllLines(out.resolve(BriefFiles.JSONL)))
                .hasSize((int) briefs.stream().map(Brief::story).distinct().count())
                .doesNotHaveDuplicates();
        return articles;
    }

    /** After the night's run, the cache keeps nothing older than the age limit from that night's day. */
    private static void assertCacheWithinAge(WeekOfNights week, int night) {
        Instant oldestKept = day(night, 0).instant().minus(Duration.ofDays(WeekOfNights.MAX_AGE_DAYS));
        assertThat(week.cachedOutputTimes())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).isAfterOrEqualTo(oldestKept));
    }
}
