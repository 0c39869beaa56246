package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.briefs.generate.NearTies;
import dev.briefs.generate.RecordedLogitScale;
import dev.briefs.support.CommandResult;
import dev.briefs.support.RoundingBound;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * translate and summarise from the command line, checked against what transformers generated
 * for the same fixture model, input and settings (fp32, the default variant, though the fixtures hold quantized
 * graphs too).
 */
class GenerateCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** A recorded fp32 case whose rows the test compares whole: every one, or only the rows named. */
    private static JsonNode recordedCase(String model, String name, int... comparedRows) throws IOException {
        JsonNode expected = JSON.readTree(
                TinyModels.FIXTURES.resolve(model).resolve("expected.json").toFile());
        for (JsonNode c : expected.get("cases")) {
            if (c.get("name").asString().equals(name)
                    && c.get("variant").asString().equals("fp32")) {
                // Compared token for token below, so none of them may sit on a near-tie another CPU could break.
                int[] stable = NearTies.stablePrefixes(model, c);
                int[] rows = comparedRows.length > 0
                        ? comparedRows
                        : IntStream.range(0, stable.length).toArray();
                for (int row : rows) {
                    assertThat(stable[row])
                            .as("%s %s row %d: stable within the float32 bound", model, name, row)
                            .isEqualTo(c.get("output_ids").get(row).size());
                }
                return c;
            }
        }
        throw new AssertionError("no case " + name);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private static String ids(JsonNode row) {
        return StreamSupport.stream(row.spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.joining(" "));
    }

    @Test
    void translatePrintsWhatTransformersGeneratedOneLinePerInputLine() throws IOException {
        JsonNode c = recordedCase("tiny-marian-en-uk", "beam4_lp0.6");
        Path input = dir.resolve("in.txt");
        Files.write(input, strings(c.get("inputs")));
        String model = TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString();

        CommandResult text = CommandResult.run(
                "translate",
                "--model",
                model,
                "--file",
                input.toString(),
                "--num-beams",
                "4",
                "--length-penalty",
                "0.6");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().lines().toList()).isEqualTo(strings(c.get("output_text")));

        CommandResult idLines = CommandResult.run(
                "translate",
                "--model",
                model,
                "--file",
                input.toString(),
                "--num-beams",
                "4",
                "--length-penalty",
                "0.6",
                "--ids");
        List<String> expectedIds = new ArrayList<>();
        c.get("output_ids").forEach(row -> expectedIds.add(ids(row)));
        assertThat(idLines.out().lines().toList()).isEqualTo(expectedIds);
    }

    @Test
    void summariseWithTheModelsDefaultsAndJsonOutput() throws IOException {
        JsonNode c = recordedCase("tiny-bart", "generation_config_defaults", 0);
        String first = c.get("inputs").get(0).asString();
        CommandResult r = CommandResult.run(
                "summarise", "--model", TinyModels.FIXTURES.resolve("tiny-bart").toString(), "--json", first);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode line = JSON.readTree(r.out().strip());
        assertThat(line.get("input").asString()).isEqualTo(first);
        assertThat(line.get("text").asString())
                .isEqualTo(c.get("output_text").get(0).asString());
        assertThat(ids(line.get("ids"))).isEqualTo(ids(c.get("output_ids").get(0)));
        // Recorded on one CPU, computed here maybe on another: within the float32 bound of two executions.
        double tolerance = RoundingBound.seq2seq(TinyModels.FIXTURES.resolve("tiny-bart"))
                .logProb(RecordedLogitScale.of("tiny-bart", c, 0), 1.0);
        assertThat(line.get("mean_log_prob").doubleValue())
                .as("transformers' mean transition score")
                .isCloseTo(recordedMeanLogProb("tiny-bart", "generation_config_defaults"), within(tolerance));
    }

    /** Row 0's mean log-probability of an fp32 case, as make_confidence_cases.py recorded it. */
    private static double recordedMeanLogProb(String model, String name) throws IOException {
        JsonNode recorded = JSON.readTree(TinyModels.FIXTURES
                .resolveSibling("confidence")
                .resolve("transition-scores.json")
                .toFile());
        for (JsonNode c : recorded.get("models").get(model)) {
            if (c.get("name").asString().equals(name)
                    && c.get("variant").asString().equals("fp32")) {
                return c.get("rows").get(0).get("mean_log_prob").doubleValue();
            }
        }
        throw new AssertionError("no recorded confidence for " + name);
    }

    @Test
    void mistakesAreOneLineUsageErrors() throws IOException {
        CommandResult noModel =
                CommandResult.run("translate", "--model", dir.resolve("nothing").toString(), "Hello.");
        assertThat(noModel.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noModel.err()).contains("not found").doesNotContain("\tat ");

        String model = TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString();
        CommandResult contradiction =
                CommandResult.run("translate", "--model", model, "--greedy", "--num-beams", "4", "Hi.");
        assertThat(contradiction.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(contradiction.err()).contains("--greedy and --num-beams 4 contradict");

        Path broken = TinyModels.install("tiny-marian-en-uk", dir.resolve("models"), "broken");
        Files.writeString(broken.resolve("source.spm"), "not a model");
        CommandResult corrupt = CommandResult.run("translate", "--model", broken.toString(), "Hi.");
        assertThat(corrupt.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(corrupt.err())
                .contains("Corrupt SentencePiece model", "source.spm")
                .doesNotContain("\tat ");
        Files.delete(broken.resolve("source.spm"));
        Files.delete(broken.resolve("tokenizer.json"));
        CommandResult missingFile = CommandResult.run("translate", "--model", broken.toString(), "Hi.");
        assertThat(missingFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingFile.err()).contains("tokenizer.json");
    }

    @Test
    void translateWithAMultilingualModelTakesTheLanguages() throws IOException {
        String model = TinyModels.FIXTURES.resolve("tiny-nllb").toString();
        for (String[] pair : new String[][] {{"greedy_en-uk", "en", "uk"}, {"greedy_uk-en", "uk", "en"}}) {
            JsonNode c = recordedCase("tiny-nllb", pair[0]);
            Path input = dir.resolve(pair[0] + ".txt");
            Files.write(input, strings(c.get("inputs")));
            CommandResult text = CommandResult.run(
                    "translate",
                    "--model",
                    model,
                    "--file",
                    input.toString(),
                    "--source-lang",
                    pair[1],
                    "--target-lang",
                    pair[2],
                    "--greedy");
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out().lines().toList()).isEqualTo(strings(c.get("output_text")));
            CommandResult idLines = CommandResult.run(
                    "translate",
                    "--model",
                    model,
                    "--file",
                    input.toString(),
                    "--source-lang",
                    pair[1],
                    "--target-lang",
                    pair[2],
                    "--greedy",
                    "--ids");
            List<String> expectedIds = new ArrayList<>();
            c.get("output_ids").forEach(row -> expectedIds.add(ids(row)));
            assertThat(idLines.out().lines().toList()).isEqualTo(expectedIds);
        }
        // NLLB codes work as well as ISO 639-1 codes
        JsonNode c = recordedCase("tiny-nllb", "generation_config_defaults_en-uk", 0);
        CommandResult nllbCodes = CommandResult.run(
                "translate",
                "--model",
                model,
                "--source-lang",
                "eng_Latn",
                "--target-lang",
                "ukr_Cyrl",
                c.get("inputs").get(0).asString());
        assertThat(nllbCodes.exitCode()).as(nllbCodes.err()).isZero();
        assertThat(nllbCodes.out().strip())
                .isEqualTo(c.get("output_text").get(0).asString());
    }

    @Test
    void aMultilingualModelWithoutLanguagesOrWithAnUnknownOneIsAOneLineUsageError() {
        String model = TinyModels.FIXTURES.resolve("tiny-nllb").toString();
        CommandResult none = CommandResult.run("translate", "--model", model, "Hello.");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err())
                .contains("multilingual")
                .contains("--source-lang")
                .contains("--target-lang")
                .doesNotContain("\tat ");
        assertThat(none.err().strip().lines().count()).isEqualTo(1);
        CommandResult onlySource = CommandResult.run("translate", "--model", model, "--source-lang", "en", "Hello.");
        assertThat(onlySource.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(onlySource.err()).contains("--target-lang");
        CommandResult unknown = CommandResult.run(
                "translate", "--model", model, "--source-lang", "en", "--target-lang", "tlh", "Hello.");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("does not know language 'tlh'").doesNotContain("\tat ");
        assertThat(unknown.err().strip().lines().count()).isEqualTo(1);
        CommandResult summarise = CommandResult.run("summarise", "--model", model, "Hello.");
        assertThat(summarise.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(summarise.err()).contains("multilingual");
    }

    @Test
    void pairModelsAcceptAndIgnoreLanguageOptions() throws IOException {
        JsonNode c = recordedCase("tiny-marian-en-uk", "generation_config_defaults", 0);
        String model = TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString();
        CommandResult r = CommandResult.run(
                "translate",
                "--model",
                model,
                "--source-lang",
                "en",
                "--target-lang",
                "uk",
                c.get("inputs").get(0).asString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(c.get("output_text").get(0).asString());
    }
}
