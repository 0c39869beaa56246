package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.eval.Decimals;
import dev.briefs.eval.EvalMetric;
import dev.briefs.eval.RougeTokenizer;
import dev.briefs.support.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code briefs eval} from the command line: the scores it prints are those sacrebleu and rouge-score
 * recorded for the same strings, to the 4 decimals it prints; its mistakes are one-line usage errors.
 */
class EvalCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CASES = Path.of("src/test/resources/eval/eval-cases.json");
    private static final String[] METRICS = {"bleu", "chrf", "chrf++", "rouge1", "rouge2", "rougeL"};

    @TempDir
    Path dir;

    private static JsonNode recordedCase(String name) throws IOException {
        for (JsonNode c : JSON.readTree(CASES.toFile()).get("cases")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no case " + name);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** What Python recorded for a metric, with the 4 decimals the command prints. */
    private static String recorded(JsonNode c, String metric) {
        JsonNode s = c.get("scores").get(metric);
        return Decimals.fixed(
                s.has("mean") ? s.get("mean").asDouble() : s.get("score").asDouble(), 4);
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @Test
    void everyMetricPrintsTheScoreSacrebleuAndRougeScoreRecorded() throws IOException {
        for (String name : new String[] {"english", "ukrainian", "numbers", "random_corpus"}) {
            JsonNode c = recordedCase(name);
            Path hyp = write(name + ".hyp", strings(c.get("hypotheses")));
            Path ref = write(name + ".ref", strings(c.get("references")));
            CommandResult r = CommandResult.run(
                    "eval",
                    "--metric",
                    String.join(",", METRICS),
                    "--hypotheses",
                    hyp.toString(),
                    "--references",
                    ref.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines).hasSize(METRICS.length);
            String[] names = {"BLEU", "chrF2", "chrF2++", "ROUGE-1", "ROUGE-2", "ROUGE-L"};
            for (int i = 0; i < METRICS.length; i++) {
                assertThat(lines.get(i))
                        .as(name + " " + METRICS[i])
                        .startsWith(names[i] + " = " + recorded(c, METRICS[i]) + " ");
            }
            assertThat(lines.get(0))
                    .contains("hyp_len = "
                            + c.get("scores").get("bleu").get("hyp_len").asInt())
                    .contains("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp")
                    .contains("sacrebleu " + EvalMetric.SACREBLEU_VERSION);
            assertThat(lines.get(3)).contains("rouge-score " + EvalMetric.ROUGE_SCORE_VERSION);
        }
    }

    @Test
    void jsonHasTheScoreWith4DecimalsAndRougesPerLineScores() throws IOException {
        JsonNode c = recordedCase("english");
        Path hyp = write("hyp.txt", strings(c.get("hypotheses")));
        Path ref = write("ref.txt", strings(c.get("references")));
        CommandResult r = CommandResult.run(
                "eval",
                "--metric",
                "rougeL,bleu",
                "--hypotheses",
                hyp.toString(),
                "--references",
                ref.toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode rouge = JSON.readTree(lines.get(0));
        assertThat(rouge.get("metric").asString()).isEqualTo("rougeL");
        assertThat(lines.get(0)).contains("\"score\":" + recorded(c, "rougeL") + ",");
        List<Double> perLine = new ArrayList<>();
        rouge.get("line_scores").forEach(n -> perLine.add(n.asDouble()));
        List<Double> expected = new ArrayList<>();
        c.get("scores")
                .get("rougeL")
                .get("fmeasure")
                .forEach(n -> expected.add(Decimals.round(n.asDouble(), 4).doubleValue()));
        assertThat(perLine).isEqualTo(expected);
        JsonNode bleu = JSON.readTree(lines.get(1));
        assertThat(lines.get(1)).contains("\"score\":" + recorded(c, "bleu") + ",");
        assertThat(bleu.get("counts").toString())
                .isEqualTo(c.get("scores").get("bleu").get("counts").toString());
        assertThat(bleu.get("inputs").get("lines").asInt()).isEqualTo(8);
    }

    @Test
    void theUnicodeRougeTokenizerIsOptInAndCountsUkrainianWords() throws IOException {
        JsonNode c = recordedCase("ukrainian");
        Path hyp = write("hyp.txt", strings(c.get("hypotheses")));
        Path ref = write("ref.txt", strings(c.get("references")));
        CommandResult byDefault = CommandResult.run(
                "eval", "--metric", "rouge1", "--hypotheses", hyp.toString(), "--references", ref.toString());
        assertThat(byDefault.out()).startsWith("ROUGE-1 = " + recorded(c, "rouge1"));
        CommandResult unicode = CommandResult.run(
                "eval",
                "--metric",
                "rouge1",
                "--rouge-tokenizer",
                "unicode",
                "--hypotheses",
                hyp.toString(),
                "--references",
                ref.toString());
        double expected = EvalMetric.ROUGE1
                .score(strings(c.get("hypotheses")), strings(c.get("references")), RougeTokenizer.UNICODE)
                .score();
        assertThat(expected).isGreaterThan(Double.parseDouble(recorded(c, "rouge1")));
        assertThat(unicode.out())
                .startsWith("ROUGE-1 = " + Decimals.fixed(expected, 4))
                .contains("not rouge-score's");
    }

    @Test
    void mistakesAreOneLineUsageErrorsThatSayWhatToDo() throws IOException {
        Path three = write("three.txt", List.of("a", "b", "c"));
        Path two = write("two.txt", List.of("a", "b"));
        CommandResult counts = CommandResult.run(
                "eval", "--metric", "bleu", "--hypotheses", three.toString(), "--references", two.toString());
        assertUsage(counts, three.toString(), "3 lines", two.toString(), "has 2");

        CommandResult missing = CommandResult.run(
                "eval",
                "--metric",
                "chrf",
                "--hypotheses",
                dir.resolve("none.txt").toString(),
                "--references",
                two.toString());
        assertUsage(missing, "hypotheses file", "none.txt", "does not exist");

        CommandResult unknown = CommandResult.run(
                "eval", "--metric", "blue", "--hypotheses", two.toString(), "--references", two.toString());
        assertUsage(unknown, "unknown metric 'blue'", "bleu, chrf, chrf++, rouge1, rouge2 or rougeL");

        CommandResult noMetric =
                CommandResult.run("eval", "--hypotheses", two.toString(), "--references", two.toString());
        assertUsage(noMetric, "--metric bleu|chrf|chrf++|rouge1|rouge2|rougeL");

        CommandResult noInput = CommandResult.run("eval", "--metric", "bleu");
        assertUsage(noInput, "--hypotheses FILE, --briefs DIR or --translate MODEL");

        Path empty = write("empty.txt", List.of());
        assertUsage(
                CommandResult.run(
                        "eval", "--metric", "bleu", "--hypotheses", empty.toString(), "--references", empty.toString()),
                "empty");
        assertUsage(
                CommandResult.run(
                        "eval",
                        "--metric",
                        "rouge1",
                        "--rouge-tokenizer",
                        "nltk",
                        "--hypotheses",
                        two.toString(),
                        "--references",
                        two.toString()),
                "rouge-score or unicode");

        CommandResult help = CommandResult.run("eval", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains(
                        "--metric",
                        "--translate",
                        "sacrebleu " + EvalMetric.SACREBLEU_VERSION,
                        "rouge-score " + EvalMetric.ROUGE_SCORE_VERSION);
    }

    private static void assertUsage(CommandResult r, String... parts) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(parts).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }

    @Test
    void aDaysBriefsAreScoredAgainstReferencesByArticleIdAndAMissingBriefCountsAsEmpty() throws IOException {
        Path day = dir.resolve("day");
        BriefFiles.write(day, brief("port", "Порт Одеси знову відкрився в четвер."));
        BriefFiles.write(day, brief("rain", null));
        BriefFiles.write(day, brief("extra", "Зайвий бриф."));
        Path refs = dir.resolve("refs.jsonl");
        Files.writeString(refs, """
                {"id": "port", "reference": "Порт Одеси відновив роботу в четвер."}

                {"id": "rain", "reference": "Злива затопила вулиці."}
                {"id": "school", "reference": "Школи відкрилися."}
                """);
        CommandResult r = CommandResult.run(
                "eval",
                "--metric",
                "chrf",
                "--briefs",
                day.toString(),
                "--language",
                "uk",
                "--references",
                refs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        double expected = EvalMetric.CHRF
                .score(
                        List.of("Порт Одеси знову відкрився в четвер.", "", ""),
                        List.of("Порт Одеси відновив роботу в четвер.", "Злива затопила вулиці.", "Школи відкрилися."),
                        RougeTokenizer.ROUGE_SCORE)
                .score();
        assertThat(r.out()).startsWith("chrF2 = " + Decimals.fixed(expected, 4));
        assertThat(r.err())
                .contains("2 of 3 references have no uk brief (scored as empty): rain, school")
                .contains("1 briefs have no reference and are not scored: extra");

        Files.writeString(refs, "{\"id\": \"port\"}\n");
        assertUsage(
                CommandResult.run(
                        "eval",
                        "--metric",
                        "chrf",
                        "--briefs",
                        day.toString(),
                        "--language",
                        "uk",
                        "--references",
                        refs.toString()),
                "refs.jsonl line 1",
                "\"reference\"");
        assertUsage(
                CommandResult.run(
                        "eval", "--metric", "chrf", "--briefs", day.toString(), "--references", refs.toString()),
                "--language");
    }

    private static Brief brief(String id, String uk) {
        Map<String, Brief.LanguageBrief> briefs = new LinkedHashMap<>();
        briefs.put(
                "uk",
                new Brief.LanguageBrief(
                        uk,
                        "opus-mt-en-uk",
                        null,
                        uk == null ? Brief.FAILED : Brief.OK,
                        uk == null ? "model not installed: opus-mt-en-uk" : null,
                        new Brief.Chunks(1, uk == null ? 1 : 0)));
        return new Brief(
                id,
                "2026-11-20",
                id,
                "uk",
                uk == null ? Brief.PARTIAL : Brief.OK,
                null,
                new Brief.Source(id + ".json", null, List.of()),
                briefs,
                new Brief.Chunks(1, 0));
    }
}
