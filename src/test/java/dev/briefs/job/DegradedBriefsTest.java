package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.failure.Degradation;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.summarise.SummaryPath;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brief that is made, but worse than asked for, says so in its file and in the digest: a
 * stand-in summariser, an article cut at its sentence limit, a sentence cut to fit the model or
 * the brief. An editor must never take such a brief for the full result.
 */
class DegradedBriefsTest {

    private static final String DATE = "2026-11-21";

    @TempDir
    Path root;

    private JobSettings prepare(String extra) throws IOException {
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        // The job file names a summariser for English that is not installed.
        Path job = TestJobs.write(root, extra);
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("  translate:\n", "  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    private void article(String id, String text) throws IOException {
        Path input = TestJobs.inputDir(root, DATE);
        Files.writeString(input.resolve(id + ".json"), """
                {"title": "Title of %s", "url": "https://example.org/%s", "language": "en", "maintext": "%s"}
                """.formatted(id, id, text));
    }

    @Test
    void whatMadeABriefWorseIsInTheBriefAndInTheDigest() throws IOException {
        JobSettings settings = prepare("brief:\n  max-words: 12\n");
        StringBuilder longRead = new StringBuilder();
        for (int i = 1; i <= 450; i++) {
            longRead.append("The council met for session number ").append(i).append(". ");
        }
        article("long-read", longRead.toString().strip());
        article(
                "one-sentence",
                "The regional council, which met on Monday in the city hall after a delay of three weeks "
                        + "caused by repairs to the heating of the building and by a dispute over the order of the day, agreed "
                        + "on a budget for schools, roads, libraries, clinics, parks and the new bus station in the north.");

        JobRunner.Outcome outcome = JobRunner.runNightly(settings, false, RunProgress.NONE, ctx -> {});

        assertThat(outcome.status()).isEqualTo(JobRunner.Status.COMPLETED);
        Brief longBrief = BriefFiles.read(settings.folders().output(), "long-read");
        assertThat(longBrief.degraded())
                .extracting(Degradation::kind)
                .contains(Degradation.ARTICLE_CUT, Degradation.FALLBACK_SUMMARISER);
        assertThat(longBrief.degraded())
                .filteredOn(d -> d.kind().equals(Degradation.ARTICLE_CUT))
                .singleElement()
                .satisfies(d -> assertThat(d.detail()).contains("450 sentences").contains("first 400"));
        assertThat(longBrief.degraded())
                .filteredOn(d -> d.kind().equals(Degradation.FALLBACK_SUMMARISER))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.language()).isEqualTo("en");
                    assertThat(d.detail())
                            .contains("distilbart-cnn-6-6")
                            .contains("not installed")
                            .contains("models fetch");
                });
        assertThat(longBrief.summary().path()).isEqualTo(SummaryPath.EXTRACTIVE_FALLBACK);

        Brief oneSentence = BriefFiles.read(settings.folders().output(), "one-sentence");
        assertThat(oneSentence.degraded())
                .filteredOn(d -> d.kind().equals(Degradation.SENTENCE_CUT))
                .extracting(Degradation::language)
                .as("cut to the brief's 12 words")
                .contains("en");
        assertThat(oneSentence.briefs().get("en").text()).endsWith("…");

        String digest = Files.readString(settings.folders().output().resolve("digest.md"));
        assertThat(digest)
                .contains("*Degraded:* the article has 450 sentences; only the first 400 were summarised")
                .contains("*Degraded (English):* the job file names distilbart-cnn-6-6");
        assertThat(Files.readString(settings.folders().output().resolve("long-read.md")))
                .contains("## Not as asked");
    }

    @Test
    void aSentenceLongerThanTheTranslationModelReadsIsReportedAsCut() throws IOException {
        // The tiny Marian model reads 64 positions; a 40-word first sentence kept whole by the brief is longer.
        JobSettings settings = prepare("brief:\n  max-words: 60\n");
        article(
                "one-sentence",
                "The regional council, which met on Monday in the city hall after a delay of three weeks "
                        + "caused by repairs to the heating of the building and by a dispute over the order of the day, agreed "
                        + "on a budget for schools, roads, libraries, clinics, parks and the new bus station in the north.");

        JobRunner.Outcome outcome = JobRunner.runNightly(settings, false, RunProgress.NONE, ctx -> {});

        assertThat(outcome.status()).isEqualTo(JobRunner.Status.COMPLETED);
        Brief brief = BriefFiles.read(settings.folders().output(), "one-sentence");
        assertThat(brief.degraded())
                .filteredOn(d -> d.kind().equals(Degradation.SENTENCE_CUT))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.language()).isEqualTo("uk");
                    assertThat(d.detail())
                            .contains("longer than opus-mt-en-uk reads")
                            .contains("only its beginning");
                });
    }
}
