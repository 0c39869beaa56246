package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.story.StoryMembership;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * StoryNightTest's night with an English summarisation model (the tiny one) whose every call on the lead
 * article's text fails for good: the lead's brief fails, so the story's entry is made from the member next in
 * the lead order whose brief did not fail, and says so; the recorded stories do not change; once the failure
 * is gone, rerun-failed repairs the lead's brief and the entry is made from it again.
 */
class FailedLeadStandInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** In port-a's text only (port-b is cut before it), so only port-a's summary call fails. */
    private static final String LEAD_ONLY = "air defence around the port had been reinforced";

    @TempDir
    Path root;

    private static JsonNode portStory(Path out) throws IOException {
        return Files.readAllLines(out.resolve(BriefFiles.JSONL)).stream()
                .map(JSON::readTree)
                .filter(l -> l.get("story").asString().equals("port-a"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFailedLeadIsStoodInForByTheNextMemberUntilRerunFailedRepairsIt() throws IOException {
        StoryNightTest.night(root);
        TinyModels.install("tiny-bart-1024", root.resolve("models"), "distilbart-cnn-6-6");
        Path job = TestJobs.write(root, "retry:\n  max-retries: 0\n");
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("  translate:\n", "  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        JobSettings settings = StoryNightTest.settings(job);
        FailureInjectionTest.FailingModels broken = new FailureInjectionTest.FailingModels(
                "distilbart-cnn-6-6",
                text -> text.contains(LEAD_ONLY),
                -1,
                new UncheckedIOException(new IOException("model server timed out")));

        JobRunner.Outcome night = JobRunner.runNightly(
                settings,
                false,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", broken));

        assertThat(night.status()).as(night.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(broken.failedCalls)
                .as("the lead's summary was asked for and failed")
                .isNotEmpty();
        Path out = TestJobs.outputDir(root, StoryNightTest.DATE);
        assertThat(BriefFiles.read(out, "port-a").status()).isEqualTo(Brief.FAILED);
        assertThat(BriefFiles.read(out, "port-b").status()).isNotEqualTo(Brief.FAILED);
        List<StoryMembership> recorded = StoryNightTest.rows(job);
        assertThat(recorded)
                .filteredOn(StoryMembership::lead)
                .extracting(StoryMembership::articleId)
                .contains("port-a");

        JsonNode story = portStory(out);
        assertThat(story.get("lead").asString())
                .as("the grouping and its lead stay as recorded")
                .isEqualTo("port-a");
        assertThat(story.get("leadNote").asString()).isEqualTo("lead port-a failed; made from port-b");
        assertThat(story.get("brief").get("id").asString()).isEqualTo("port-b");
        assertThat(story.get("members"))
                .extracting(m -> m.get("id").asString() + " " + m.get("status").asString())
                .containsExactly("port-a failed", "port-b partial");
        String md = Files.readString(out.resolve(BriefFiles.DIGEST));
        assertThat(md)
                .contains("## Grain terminal at Chornomorsk back in service")
                .doesNotContain("## Chornomorsk grain terminal reopens after repairs")
                .contains("Story of 2 articles; lead port-a failed; made from port-b (lead: longest: ");
        assertThat(Files.readString(out.resolve(BriefFiles.DIGEST_HTML)))
                .contains("<bdi>Grain terminal at Chornomorsk back in service</bdi>")
                .contains("lead port-a failed; made from port-b");
        String atom = Files.readString(out.resolve("briefs.atom"));
        assertThat(atom)
                .contains("<id>tag:briefs.dev,2026-11-20:port-a</id>")
                .contains("<link rel=\"alternate\" href=\"" + StoryNightTest.URL_B + "\"")
                .contains("<link rel=\"related\" href=\"" + StoryNightTest.URL_A + "\"");

        broken.healed = true;
        JobRunner.Outcome rerun = JobRunner.rerunFailed(
                settings, RunProgress.NONE, ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", broken));

        assertThat(rerun.status()).as(rerun.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        assertThat(BriefFiles.read(out, "port-a").status()).isNotEqualTo(Brief.FAILED);
        assertThat(StoryNightTest.rows(job))
                .as("rerun-failed never groups the day again")
                .isEqualTo(recorded);
        JsonNode repaired = portStory(out);
        assertThat(repaired.has("leadNote"))
                .as("no stand-in once the lead's brief is repaired")
                .isFalse();
        assertThat(repaired.get("brief").get("id").asString()).isEqualTo("port-a");
        assertThat(Files.readString(out.resolve(BriefFiles.DIGEST)))
                .contains("## Chornomorsk grain terminal reopens after repairs")
                .contains("Story of 2 articles; brief from port-a (longest: ")
                .doesNotContain("made from port-b");
    }
}
