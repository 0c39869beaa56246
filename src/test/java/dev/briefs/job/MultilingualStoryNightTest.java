package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.BriefFiles;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.story.StoryMembership;
import dev.briefs.story.StorySpaces;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job with a multilingual embedding model installed under the catalog's name: the tiny random-weight one
 * of tools/fixtures, which cannot tell that a translation tells the same story (its weights are random) but
 * gives identical texts a similarity of 1. So the night has a Ukrainian article and an English article that
 * quotes it whole before going on in English: the stories step compares them across languages with the
 * multilingual model, they are one story, the story records that model, and the report has no note that
 * articles were grouped only within their language.
 */
class MultilingualStoryNightTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UKRAINIAN = "Порт Чорноморськ у четвер знову відкрив зерновий термінал після трьох "
            + "тижнів ремонту, повідомила обласна адміністрація. Термінал був закритий відтоді, як удар дрона "
            + "пошкодив два навантажувальні конвеєри наприкінці жовтня.";

    @TempDir
    Path root;

    /** An article without a title, so that its first window is its first sentence, as the quoting one's is. */
    private static void article(Path in, String id, String url, String text) throws IOException {
        Map<String, Object> fields = Map.of("url", url, "date_publish", StoryNightTest.DATE, "maintext", text);
        Files.writeString(in.resolve(id + ".json"), JSON.writeValueAsString(fields));
    }

    @Test
    void aUkrainianArticleAndAnEnglishOneQuotingItAreOneStoryFoundByTheMultilingualModel() throws IOException {
        Path in = TestJobs.inputDir(root, StoryNightTest.DATE);
        article(in, "terminal-uk", "https://port-news.example/uk/terminal", UKRAINIAN);
        article(
                in,
                "terminal-en",
                "https://www.coast-daily.example/news/terminal",
                UKRAINIAN + "\n\n" + StoryNightTest.PORT_TEXT);
        TinyModels.install("tiny-multilingual-embedding", root.resolve("models"), StorySpaces.MULTILINGUAL_MODEL);
        Path job = TestJobs.write(root, "");

        JobRunner.Outcome night = JobRunner.runNightly(StoryNightTest.settings(job), false, RunProgress.NONE);

        assertThat(night.status()).as(night.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        Path out = TestJobs.outputDir(root, StoryNightTest.DATE);
        assertThat(BriefFiles.read(out, "terminal-en").language())
                .as("detected: the English text outweighs the quote")
                .isEqualTo("en");
        assertThat(BriefFiles.read(out, "terminal-uk").language()).isEqualTo("uk");
        List<StoryMembership> rows = StoryNightTest.rows(job);
        assertThat(rows)
                .extracting(StoryMembership::storyId)
                .as("one story, led by the longer English article")
                .containsExactly("terminal-en", "terminal-en");
        StoryMembership uk = rows.stream()
                .filter(r -> r.articleId().equals("terminal-uk"))
                .findFirst()
                .orElseThrow();
        assertThat(uk.model())
                .as("compared across languages by the multilingual model")
                .isEqualTo(StorySpaces.MULTILINGUAL_MODEL);
        assertThat(uk.language()).isEqualTo("uk");
        assertThat(uk.similarity())
                .as("all of the Ukrainian article is in the English one")
                .isGreaterThan(0.99);

        JsonNode line =
                JSON.readTree(Files.readAllLines(out.resolve(BriefFiles.JSONL)).get(0));
        assertThat(line.get("members"))
                .extracting(
                        m -> m.get("id").asString() + " " + m.get("language").asString())
                .containsExactly("terminal-en en", "terminal-uk uk");
        assertThat(line.get("members").get(1).get("model").asString()).isEqualTo(StorySpaces.MULTILINGUAL_MODEL);
        JsonNode report = JSON.readTree(Files.readString(out.resolve(BriefFiles.REPORT)));
        assertThat(report.get("stories").asInt()).isEqualTo(1);
        assertThat(report.get("storyNotes").toString()).doesNotContain("grouped only within their language");
        assertThat(report.get("storyNotes").size()).isZero();
    }
}
