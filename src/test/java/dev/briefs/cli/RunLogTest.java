package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.briefs.support.LoggedCommand;
import dev.briefs.support.TestJobs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator's log shows of a night, on the shipped sample articles with no translation
 * model installed: a line per brief and per failure, each with its date, article and stage, as
 * plain lines or as JSON lines a log shipper can filter on.
 */
class RunLogTest {

    private static final String DATE = "2026-11-20";
    private static final Set<String> ARTICLES =
            Set.of("harbour-reopens", "library-night", "rail-timetable", "school-meals");
    private static final Set<String> STAGES = Set.of("read", "summarise", "translate", "check", "write");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private LoggedCommand runSamples(String... extra) throws Exception {
        TestJobs.inputWithSamples(root, DATE);
        Path job = TestJobs.write(root, "");
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(List.of("run", job.toString(), "--date", DATE));
        return LoggedCommand.run(args.toArray(String[]::new));
    }

    private static List<JsonNode> jsonLines(LoggedCommand run) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.logLines()) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void jsonLinesCarryTheDateTheArticleAndTheStage() throws Exception {
        LoggedCommand run = runSamples("--log-format", "json");

        assertThat(run.result().exitCode()).as(run.result().err()).isEqualTo(ExitCodes.SOME_FAILED);
        List<JsonNode> lines = jsonLines(run);
        List<JsonNode> articleLines = lines.stream()
                .filter(l -> l.path("log").path("logger").asText().equals("dev.briefs.articles"))
                .toList();
        assertThat(articleLines).as(run.log()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.path("date").asText()).isEqualTo(DATE);
            assertThat(l.path("article").asText()).isIn(ARTICLES);
            assertThat(l.path("stage").asText()).isIn(STAGES);
        });
        // One line per brief written, and the failure of each article's translation with its stage.
        assertThat(articleLines.stream()
                        .filter(l -> l.path("message").asText().startsWith("brief written"))
                        .map(l -> l.path("article").asText()))
                .containsExactlyInAnyOrderElementsOf(ARTICLES);
        assertThat(articleLines.stream()
                        .filter(l -> l.path("log").path("level").asText().equals("WARN")))
                .hasSize(4)
                .allSatisfy(l -> {
                    assertThat(l.path("stage").asText()).isEqualTo("translate");
                    assertThat(l.path("message").asText()).contains("model not installed");
                });
        // The run's own lines carry its date.
        assertThat(lines.stream().filter(l -> l.path("message").asText().startsWith("nightly-briefs started")))
                .singleElement()
                .satisfies(l -> assertThat(l.path("date").asText()).isEqualTo(DATE));
    }

    @Test
    void plainLinesShowTheFieldsInBrackets() throws Exception {
        LoggedCommand run = runSamples();

        assertThat(run.result().exitCode()).as(run.result().err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(run.logLines())
                .as(run.log())
                .anySatisfy(l -> assertThat(l)
                        .matches("\\d\\d:\\d\\d:\\d\\d INFO  \\[2026-11-20 harbour-reopens write] "
                                + "articles - brief written: partial \\(harbour-reopens.txt\\)"))
                .anySatisfy(l -> assertThat(l)
                        .matches("\\d\\d:\\d\\d:\\d\\d WARN  \\[2026-11-20 harbour-reopens translate] "
                                + "articles - translate uk failed .*model not installed: opus-mt-en-uk.*"))
                .anySatisfy(l -> assertThat(l)
                        .matches("\\d\\d:\\d\\d:\\d\\d INFO  \\[2026-11-20] JobRunner - nightly-briefs "
                                + "started: .*"))
                .noneSatisfy(l -> assertThat(l).startsWith("{"));
    }

    @Test
    void springBootsOwnPropertyChoosesAFormatToo() throws Exception {
        String before = System.getProperty(LogFormat.SPRING_PROPERTY);
        System.setProperty(LogFormat.SPRING_PROPERTY, "logstash");
        try {
            LoggedCommand run = runSamples();

            assertThat(run.result().exitCode()).as(run.result().err()).isEqualTo(ExitCodes.SOME_FAILED);
            // Logstash's format: the level and logger at the top, the fields beside them.
            assertThat(jsonLines(run)).as(run.log()).anySatisfy(l -> {
                assertThat(l.path("logger_name").asText()).isEqualTo("dev.briefs.articles");
                assertThat(l.path("level").asText()).isEqualTo("INFO");
                assertThat(l.path("article").asText()).isIn(ARTICLES);
                assertThat(l.path("date").asText()).isEqualTo(DATE);
            });
        } finally {
            if (before == null) {
                System.clearProperty(LogFormat.SPRING_PROPERTY);
            } else {
                System.setProperty(LogFormat.SPRING_PROPERTY, before);
            }
        }
    }

    @Test
    void anUnknownFormatIsAUsageErrorThatNamesTheFormats() throws Exception {
        LoggedCommand run = runSamples("--log-format", "xml");

        assertThat(run.result().exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.result().err()).contains("'xml' is not a log format; use plain, json, ecs, logstash or gelf");
    }

    @Test
    void theFormatCanFollowTheCommandToo() throws Exception {
        TestJobs.inputWithSamples(root, DATE);
        Path job = TestJobs.write(root, "");

        LoggedCommand run = LoggedCommand.run("run", job.toString(), "--date", DATE, "--log-format", "ecs");

        assertThat(run.result().exitCode()).as(run.result().err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(jsonLines(run)).as(run.log()).isNotEmpty();
    }
}
