package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.BriefJson;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.ledger.StoryRecords;
import dev.briefs.story.StoryMembership;
import dev.briefs.story.StorySettings;
import dev.briefs.support.CommandResult;
import dev.briefs.support.Outputs;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One story, one brief: a night where two outlets carry the same English report (one lightly edited and
 * cut), beside unrelated English and Ukrainian articles and a Ukrainian telling of the same report. No
 * translation model is installed, so briefs are extractive and the run ends partial (exit 3); the stories
 * are found with the bundled all-MiniLM-L6-v2 alone, so no Ukrainian article joins an English story.
 */
class StoryNightTest {

    static final String DATE = "2026-11-20";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String URL_A = "https://port-news.example/2026/11/20/chornomorsk-grain-terminal";
    static final String URL_B = "https://www.coast-daily.example/news/terminal-back";

    static final String PORT_TEXT = """
            The port of Chornomorsk reopened its grain terminal on Thursday after three weeks of repairs, the regional \
            administration said. The terminal had been closed since a drone strike damaged two loading conveyors and a \
            control building at the end of October.

            Engineers worked in three shifts to replace the conveyors, which were brought by rail from a manufacturer in \
            Dnipro. The first ship to load at the repaired berth, a bulk carrier flying the Maltese flag, took on 28,000 \
            tonnes of wheat bound for Egypt.

            Port officials said the terminal can now handle about 60 percent of its pre-strike volume. Full capacity is \
            expected in mid-December, once a second control system is installed and tested.

            Farmers' associations welcomed the news. Storage on farms in the Odesa and Mykolaiv regions is close to full \
            after a strong harvest, and delays at the port had pushed down the prices that traders offered for grain.

            The head of the regional military administration said air defence around the port had been reinforced.""";

    @TempDir
    Path root;

    /** The night's input: port-a and port-b are one story; port-a is the longer. */
    static Path night(Path root) throws IOException {
        Path in = TestJobs.inputDir(root, DATE);
        Files.copy(Path.of("jobs/articles", DATE, "rail-timetable.json"), in.resolve("rail-timetable.json"));
        Files.copy(Path.of("jobs/articles", DATE, "library-night.txt"), in.resolve("library-night.txt"));
        Files.copy(Path.of("jobs/articles", DATE, "school-meals.json"), in.resolve("school-meals.json"));
        article(in, "port-a", "Chornomorsk grain terminal reopens after repairs", URL_A, PORT_TEXT);
        String edited = PORT_TEXT
                .replace("on Thursday", "on Thursday morning")
                .replace("the regional \\\n", "")
                .replace("regional administration said", "regional authorities said")
                .substring(0, PORT_TEXT.indexOf("\n\nThe head of"));
        article(in, "port-b", "Grain terminal at Chornomorsk back in service", URL_B, edited);
        article(
                in,
                "port-uk",
                "Зерновий термінал Чорноморська знову працює",
                "https://port-news.example/uk/terminal",
                "Порт Чорноморськ у четвер знову відкрив зерновий термінал після трьох тижнів ремонту, повідомила "
                        + "обласна адміністрація. Термінал був закритий відтоді, як удар дрона пошкодив два "
                        + "навантажувальні конвеєри та будівлю керування наприкінці жовтня.\n\nІнженери працювали у три "
                        + "зміни, щоб замінити конвеєри, які привезли залізницею від виробника з Дніпра.");
        return in;
    }

    static void article(Path in, String id, String title, String url, String text) throws IOException {
        Map<String, Object> fields = Map.of("title", title, "url", url, "date_publish", DATE, "maintext", text);
        Files.writeString(in.resolve(id + ".json"), JSON.writeValueAsString(fields));
    }

    static JobSettings settings(Path job) throws IOException {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    static List<StoryMembership> rows(Path job) throws IOException {
        return JobRunner.inspect(
                        settings(job), ctx -> ctx.getBean(StoryRecords.class).read(DATE))
                .map(r -> r.stories().memberships())
                .orElseThrow();
    }

    @Test
    void briefsJsonlDigestAndFeedHaveOneEntryAStoryWithEverySource() throws IOException {
        night(root);
        Path job = TestJobs.write(root, "");
        CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out())
                .contains("Stories: 6 articles in 5 stories")
                .contains("no multilingual embedding model: articles were grouped only within their language (en, uk)");
        Path out = TestJobs.outputDir(root, DATE);

        List<String> lines = Files.readAllLines(out.resolve(BriefFiles.JSONL));
        List<String> stories = new ArrayList<>();
        lines.forEach(l -> stories.add(JSON.readTree(l).get("story").asString()));
        assertThat(stories).containsExactly("library-night", "port-a", "port-uk", "rail-timetable", "school-meals");
        JsonNode port = JSON.readTree(lines.get(1));
        assertThat(port.get("lead").asString()).isEqualTo("port-a");
        assertThat(port.get("leadReason").asString()).matches("longest: \\d+ words; next port-b, \\d+ words");
        JsonNode a = port.get("members").get(0);
        JsonNode b = port.get("members").get(1);
        assertThat(port.get("members")).hasSize(2);
        assertThat(a.get("id").asString()).isEqualTo("port-a");
        assertThat(a.get("url").asString()).isEqualTo(URL_A);
        assertThat(a.get("outlet").asString()).isEqualTo("port-news.example");
        assertThat(a.get("similarity").asDouble()).isEqualTo(1.0);
        assertThat(b.get("id").asString()).isEqualTo("port-b");
        assertThat(b.get("file").asString()).isEqualTo("port-b.json");
        assertThat(b.get("url").asString()).isEqualTo(URL_B);
        assertThat(b.get("outlet").asString()).isEqualTo("coast-daily.example");
        assertThat(b.get("language").asString()).isEqualTo("en");
        assertThat(b.get("similarity").asDouble())
                .isGreaterThanOrEqualTo(StorySettings.DEFAULTS.threshold())
                .isLessThan(1.0);
        assertThat(b.get("model").asString()).isEqualTo("all-minilm-l6-v2");
        // No translation model: every brief is partial, and each member says so.
        assertThat(b.get("status").asString()).isEqualTo("partial");
        assertThat(port.get("brief").get("id").asString()).isEqualTo("port-a");
        assertThat(port.get("brief").get("story").asString()).isEqualTo("port-a");

        // Per-article files stay, each pointing to its story; the Ukrainian telling is not joined.
        assertThat(BriefFiles.read(out, "port-b").story()).isEqualTo("port-a");
        assertThat(BriefFiles.read(out, "port-a").story()).isEqualTo("port-a");
        assertThat(BriefFiles.read(out, "port-uk").story()).isEqualTo("port-uk");
        assertThat(BriefFiles.read(out, "rail-timetable").story()).isEqualTo("rail-timetable");
        assertThat(Files.readString(out.resolve("port-b.json"))).contains("\"story\" : \"port-a\"");

        String md = Files.readString(out.resolve(BriefFiles.DIGEST));
        assertThat(md)
                .contains("6 articles in 5 stories")
                .contains("## Chornomorsk grain terminal reopens after repairs")
                .doesNotContain("## Grain terminal at Chornomorsk back in service")
                .contains("<" + URL_A + "> · port-news.example · English · lead")
                .contains("<" + URL_B + "> · coast-daily.example · English · similarity 0.")
                .contains("Story of 2 articles; brief from port-a (longest: ");
        String html = Files.readString(out.resolve(BriefFiles.DIGEST_HTML));
        assertThat(html)
                .containsOnlyOnce("<h2><bdi>Chornomorsk grain terminal reopens after repairs</bdi></h2>")
                .doesNotContain("<bdi>Grain terminal at Chornomorsk back in service</bdi>")
                .containsOnlyOnce("href=\"" + URL_A + "\"")
                .containsOnlyOnce("href=\"" + URL_B + "\"");
        assertThat(html.split("<article class=\"story ", -1)).hasSize(6);
        String atom = Files.readString(out.resolve("briefs.atom"));
        assertThat(atom.split("<entry>", -1)).hasSize(6);
        assertThat(atom)
                .contains("tag:briefs.dev,2026-11-20:port-a")
                .doesNotContain("tag:briefs.dev,2026-11-20:port-b<")
                .contains("<link rel=\"related\" href=\"" + URL_B + "\"");

        JsonNode report = JSON.readTree(Files.readString(out.resolve(BriefFiles.REPORT)));
        assertThat(report.get("articles").asInt()).isEqualTo(6);
        assertThat(report.get("stories").asInt()).isEqualTo(5);
        assertThat(report.get("storyNotes").get(0).asString()).contains("grouped only within their language (en, uk)");

        List<StoryMembership> rows = rows(job);
        assertThat(rows)
                .extracting(StoryMembership::articleId)
                .containsExactly("library-night", "port-a", "port-b", "port-uk", "rail-timetable", "school-meals");
        assertThat(rows)
                .filteredOn(r -> r.storyId().equals("port-a"))
                .extracting(StoryMembership::articleId)
                .containsExactly("port-a", "port-b");

        CommandResult status = CommandResult.run("status", job.toString(), "--date", DATE);
        assertThat(status.out())
                .as(status.err())
                .contains("Stories: 6 articles in 5 stories (1 with several sources)\n")
                .contains("  note: no multilingual embedding model: articles were grouped only within their language");
    }

    @Test
    void aNightThatFailsAfterItsStoriesWereFoundRestartsWithTheSameStories() throws IOException {
        night(root);
        Path job = TestJobs.write(root, "");
        AtomicBoolean first = new AtomicBoolean(true);
        JobRunner.Outcome crashed = JobRunner.runNightly(settings(job), false, brief -> {
            if (first.getAndSet(false)) {
                throw new IllegalStateException("injected: the machine died after the first brief");
            }
        });
        assertThat(crashed.status()).isEqualTo(JobRunner.Status.FAILED);
        List<StoryMembership> before = rows(job);
        assertThat(before).hasSize(6);
        // A threshold that would part port-a and port-b if the day were grouped again: the restart must not be.
        Files.writeString(job, Files.readString(job) + "stories:\n  threshold: 0.999\n");
        JobRunner.Outcome restarted = JobRunner.runNightly(settings(job), false, RunProgress.NONE);
        assertThat(restarted.status()).as(restarted.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(rows(job)).isEqualTo(before);
        Path out = TestJobs.outputDir(root, DATE);
        assertThat(BriefJson.read(Files.readAllBytes(out.resolve("port-b.json")))
                        .story())
                .isEqualTo("port-a");
        // The restarted day is the uninterrupted day, byte for byte (report.json aside: it holds timings).
        Path clean = root.resolve("clean");
        night(clean);
        Path cleanJob = TestJobs.write(clean, "");
        assertThat(JobRunner.runNightly(settings(cleanJob), false, RunProgress.NONE)
                        .status())
                .isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(Outputs.snapshot(out)).isEqualTo(Outputs.snapshot(TestJobs.outputDir(clean, DATE)));
        assertThat(rows(cleanJob)).isEqualTo(before);
    }

    @Test
    void rerunFailedKeepsTheStoriesAndForceFindsThemAgain() throws IOException {
        night(root);
        Path job = TestJobs.write(root, "");
        assertThat(JobRunner.runNightly(settings(job), false, RunProgress.NONE).status())
                .isEqualTo(JobRunner.Status.COMPLETED);
        List<StoryMembership> found = rows(job);
        Path out = TestJobs.outputDir(root, DATE);
        String jsonl = Files.readString(out.resolve(BriefFiles.JSONL));

        // The translations are still missing: rerun-failed briefs them again, and never groups the day again,
        // even with a job file whose threshold would now part port-a and port-b.
        Files.writeString(job, Files.readString(job) + "stories:\n  threshold: 0.999\n");
        JobRunner.Outcome rerun = JobRunner.rerunFailed(settings(job), RunProgress.NONE);
        assertThat(rerun.status()).as(rerun.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(rows(job)).isEqualTo(found);
        assertThat(BriefFiles.read(out, "port-b").story()).isEqualTo("port-a");
        assertThat(Files.readString(out.resolve(BriefFiles.JSONL))).isEqualTo(jsonl);

        // run --force groups the day again and replaces the recorded stories.
        JobRunner.Outcome forced = JobRunner.runNightly(settings(job), true, RunProgress.NONE);
        assertThat(forced.status()).as(forced.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(rows(job))
                .extracting(StoryMembership::storyId)
                .containsExactly("library-night", "port-a", "port-b", "port-uk", "rail-timetable", "school-meals");
        assertThat(BriefFiles.read(out, "port-b").story()).isEqualTo("port-b");
        assertThat(Files.readAllLines(out.resolve(BriefFiles.JSONL))).hasSize(6);
    }

    @Test
    void storiesOffMakeEveryArticleItsOwnStoryAndBriefsPointNowhere() throws IOException {
        night(root);
        Path job = TestJobs.write(root, "stories:\n  enabled: false\n");
        assertThat(JobRunner.runNightly(settings(job), false, RunProgress.NONE).status())
                .isEqualTo(JobRunner.Status.COMPLETED);
        Path out = TestJobs.outputDir(root, DATE);
        assertThat(Files.readAllLines(out.resolve(BriefFiles.JSONL))).hasSize(6);
        assertThat(Files.readString(out.resolve("port-b.json"))).doesNotContain("\"story\"");
        Optional<StoryRecords.Recorded> recorded = JobRunner.inspect(
                settings(job), ctx -> ctx.getBean(StoryRecords.class).read(DATE));
        assertThat(recorded).isEmpty();
        JsonNode report = JSON.readTree(Files.readString(out.resolve(BriefFiles.REPORT)));
        assertThat(report.get("stories").asInt()).isEqualTo(6);
        assertThat(report.get("storyNotes").size()).isZero();
        CommandResult status = CommandResult.run("status", job.toString(), "--date", DATE);
        assertThat(status.out())
                .as("no stories recorded: status shows none")
                .contains("Briefs in ")
                .doesNotContain("Stories:");
    }

    @Test
    void badStorySettingsAreUsageErrorsNamingTheSetting() throws IOException {
        night(root);
        Path job = TestJobs.write(root, "stories:\n  threshold: 1.5\n");
        CommandResult r = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip())
                .contains("job.yaml: stories.threshold must be a similarity above 0 and at most 1")
                .contains("is 1.5")
                .doesNotContain("\tat ");
        Files.writeString(job, Files.readString(job).replace("threshold: 1.5", "multilingual-threshold: 0"));
        CommandResult zero = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("stories.multilingual-threshold must be a similarity above 0");
    }
}
