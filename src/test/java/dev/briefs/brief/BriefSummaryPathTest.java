package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.summarise.SummaryPath;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A brief says which way its summary was made, in its JSON and in its Markdown; a brief written
 * before that was recorded still reads (rerun-failed reads the day's existing briefs).
 */
class BriefSummaryPathTest {

    /** A brief as the job wrote it before the summary's path was recorded. */
    private static final String WRITTEN_BEFORE = """
            {
              "id" : "rail-timetable",
              "date" : "2026-11-20",
              "title" : "Night train to Warsaw returns to the timetable",
              "language" : "en",
              "status" : "partial",
              "error" : null,
              "source" : {
                "file" : "rail-timetable.json",
                "url" : "https://example.org/news/2026/11/20/night-train-warsaw",
                "links" : [ "https://example.org/timetables/kyiv-warsaw" ]
              },
              "briefs" : {
                "uk" : {
                  "text" : null,
                  "model" : "opus-mt-en-uk",
                  "revision" : null,
                  "status" : "failed",
                  "error" : "model not installed: opus-mt-en-uk",
                  "chunks" : { "total" : 1, "failed" : 1 }
                },
                "en" : {
                  "text" : "Ukrainian Railways will restore a direct night train between Kyiv and Warsaw.",
                  "model" : "extractive:all-minilm-l6-v2",
                  "revision" : null,
                  "status" : "ok",
                  "error" : null,
                  "chunks" : { "total" : 1, "failed" : 0 }
                }
              },
              "chunks" : { "total" : 2, "failed" : 1 },
              "degraded" : [ ]
            }
            """;

    private static Brief brief(SummaryPath path) {
        Map<String, Brief.LanguageBrief> languages = new LinkedHashMap<>();
        languages.put(
                "uk",
                new Brief.LanguageBrief(
                        "Нічний поїзд до Варшави повертається.",
                        "opus-mt-en-uk",
                        "abc",
                        Brief.OK,
                        null,
                        new Brief.Chunks(1, 0)));
        languages.put(
                "en",
                new Brief.LanguageBrief(
                        "The night train to Warsaw returns.",
                        "distilbart-cnn-6-6",
                        "def",
                        Brief.OK,
                        null,
                        new Brief.Chunks(5, 0)));
        return new Brief(
                "rail",
                "2026-11-20",
                "Night train",
                "en",
                Brief.OK,
                null,
                new Brief.Source("rail.json", null, List.of()),
                languages,
                new Brief.Chunks(6, 0),
                List.of(),
                path);
    }

    @Test
    void theSummarysPathIsInTheJsonAndReadsBack() {
        Brief brief = brief(new SummaryPath(SummaryPath.MAP_REDUCE, 2, 5));

        byte[] json = BriefJson.pretty(brief);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains(
                        "\"summary\" : {\n    \"path\" : \"map-reduce\",\n    \"rounds\" : 2,\n    \"chunks\" : 5\n  }");
        assertThat(BriefJson.read(json)).isEqualTo(brief);
    }

    @Test
    void aBriefWrittenBeforeThePathWasRecordedStillReadsAndRenders() {
        Brief old = BriefJson.read(WRITTEN_BEFORE.getBytes(StandardCharsets.UTF_8));

        assertThat(old.summary()).isNull();
        assertThat(old.briefs().get("en").text()).startsWith("Ukrainian Railways");
        assertThat(old.status()).isEqualTo(Brief.PARTIAL);
        assertThat(BriefMarkdown.render(old)).contains("*Model: extractive:all-minilm-l6-v2*\n");
    }

    @Test
    void theMarkdownSaysHowTheSummaryWasMadeNextToItsModelOnly() {
        String markdown = BriefMarkdown.render(brief(new SummaryPath(SummaryPath.MAP_REDUCE, 2, 5)));

        assertThat(markdown)
                .contains("*Model: distilbart-cnn-6-6 (map-reduce over 5 chunks, 2 reduce rounds)*\n")
                .contains("*Model: opus-mt-en-uk*\n");
        assertThat(BriefMarkdown.render(brief(new SummaryPath(SummaryPath.SINGLE_CALL, 0, 1))))
                .contains("*Model: distilbart-cnn-6-6 (one model call)*\n");
        assertThat(BriefMarkdown.render(brief(new SummaryPath(SummaryPath.EXTRACTIVE_FALLBACK, 0, 1))))
                .contains("(extractive, standing in for the missing model)*\n");
    }
}
