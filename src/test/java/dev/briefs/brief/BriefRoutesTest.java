package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route a translation took is written into the brief (JSON, Markdown, the digest's models), and
 * briefs written before routes were recorded still read, and are written back byte for byte.
 */
class BriefRoutesTest {

    private static final String DATE = "2026-11-20";

    /** A brief as written before routes: no route and no models in its language briefs. */
    private static final String OLD = """
            {
              "id" : "rail-timetable",
              "date" : "2026-11-20",
              "title" : "Night train to Warsaw returns to the timetable",
              "language" : "en",
              "status" : "ok",
              "error" : null,
              "source" : {
                "file" : "rail-timetable.json",
                "url" : "https://example.org/news/2026/11/20/night-train-warsaw",
                "links" : [ ]
              },
              "briefs" : {
                "uk" : {
                  "text" : "Нічний поїзд повертається.",
                  "model" : "opus-mt-en-uk",
                  "revision" : "e6ca587292984b343fd829b6430ed55858496525",
                  "status" : "ok",
                  "error" : null,
                  "chunks" : {
                    "total" : 1,
                    "failed" : 0
                  }
                },
                "en" : {
                  "text" : "The night train returns.",
                  "model" : "extractive:all-minilm-l6-v2",
                  "revision" : null,
                  "status" : "ok",
                  "error" : null,
                  "chunks" : {
                    "total" : 1,
                    "failed" : 0
                  }
                }
              },
              "chunks" : {
                "total" : 2,
                "failed" : 0
              },
              "degraded" : [ ]
            }
            """;

    @TempDir
    Path out;

    @Test
    void aBriefWrittenBeforeRoutesReadsAndIsWrittenBackUnchanged() {
        Brief old = BriefJson.read(OLD.getBytes(StandardCharsets.UTF_8));
        assertThat(old.briefs().get("uk").route()).isNull();
        assertThat(old.briefs().get("uk").models()).isNull();
        assertThat(old.briefs().get("uk").madeBy())
                .containsExactly(new Brief.ModelUse("opus-mt-en-uk", "e6ca587292984b343fd829b6430ed55858496525"));
        assertThat(new String(BriefJson.pretty(old), StandardCharsets.UTF_8)).isEqualTo(OLD);
    }

    @Test
    void aPivotIsRecordedWithBothModelsInOrderAndShownAsSuch() throws IOException {
        Brief pivot = russianBrief();
        String json = new String(BriefJson.pretty(pivot), StandardCharsets.UTF_8);
        assertThat(json.replaceAll("\\s+", " "))
                .contains("\"route\" : \"pivot\", \"models\" : [ { \"model\" : \"opus-mt-ru-en\","
                        + " \"revision\" : \"afe8c6c738ec81b6d033fd8f44f9678a639a7c67\" }, { \"model\" : \"opus-mt-en-uk\","
                        + " \"revision\" : \"e6ca587292984b343fd829b6430ed55858496525\" } ]");
        assertThat(BriefJson.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(pivot);
        assertThat(BriefMarkdown.render(pivot))
                .contains("*Models: opus-mt-ru-en, then opus-mt-en-uk (pivot through English)*");

        BriefFiles.write(out, pivot);
        Digest.rebuild(out, DATE);
        assertThat(Files.readString(out.resolve("digest.html")))
                .as("the first leg made the text as much as the second")
                .contains("<li><bdi>opus-mt-ru-en</bdi> <span class=\"revision\">revision <code><bdi>afe8c6c")
                .contains("<li><bdi>opus-mt-en-uk</bdi>")
                .contains("Models: opus-mt-ru-en, then opus-mt-en-uk (pivot through English)");
    }

    /** A Russian article whose only brief language that succeeded went through English. */
    private static Brief russianBrief() {
        Map<String, Brief.LanguageBrief> briefs = new LinkedHashMap<>();
        briefs.put(
                "uk",
                new Brief.LanguageBrief(
                        "Порт знову працює.",
                        "opus-mt-en-uk",
                        "e6ca587292984b343fd829b6430ed55858496525",
                        Brief.OK,
                        null,
                        new Brief.Chunks(2, 0),
                        "pivot",
                        List.of(
                                new Brief.ModelUse("opus-mt-ru-en", "afe8c6c738ec81b6d033fd8f44f9678a639a7c67"),
                                new Brief.ModelUse("opus-mt-en-uk", "e6ca587292984b343fd829b6430ed55858496525"))));
        briefs.put(
                "en",
                new Brief.LanguageBrief(
                        null, null, null, Brief.FAILED, "no model translates ru to en", new Brief.Chunks(1, 1)));
        return new Brief(
                "port-ru",
                DATE,
                "Порт",
                "ru",
                Brief.PARTIAL,
                null,
                new Brief.Source("port-ru.txt", null, List.of()),
                briefs,
                new Brief.Chunks(3, 1));
    }
}
