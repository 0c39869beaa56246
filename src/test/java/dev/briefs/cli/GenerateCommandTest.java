package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.support.CommandResult;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * translate and summarise from the command line, checked against what transformers generated
 * for the same fixture model, input and settings (the quantized graphs are the default variant).
 */
class GenerateCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static JsonNode recordedCase(String model, String name) throws IOException {
        JsonNode expected = JSON.readTree(TinyModels.FIXTURES.resolve(model).resolve("expected.json").toFile());
        for (JsonNode c : expected.get("cases")) {
            if (c.get("name").asString().equals(name) && c.get("variant").asString().equals("quantized")) {
                return c;
            }
        }
        throw new AssertionError("no case " + name);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static String ids(JsonNode row) {
        return StreamSupport.stream(row.spliterator(), false).map(JsonNode::asString).collect(Collectors.joining(" "));
    }

    @Test
    void translatePrintsWhatTransformersGeneratedOneLinePerInputLine() throws IOException {
        JsonNode c = recordedCase("tiny-marian-en-uk", "beam4_lp0.6");
        Path input = dir.resolve("in.txt");
        Files.write(input, strings(c.get("inputs")));
        String model = TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString();

        CommandResult text = CommandResult.run("translate", "--model", model, "--file", input.toString(),
                "--num-beams", "4", "--length-penalty", "0.6");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().lines().toList()).isEqualTo(strings(c.get("output_text")));

        CommandResult idLines = CommandResult.run("translate", "--model", model, "--file", input.toString(),
                "--num-beams", "4", "--length-penalty", "0.6", "--ids");
        List<String> expectedIds = new ArrayList<>();
        c.get("output_ids").forEach(row -> expectedIds.add(ids(row)));
        assertThat(idLines.out().lines().toList()).isEqualTo(expectedIds);
    }

    @Test
    void summariseWithTheModelsDefaultsAndJsonOutput() throws IOException {
        JsonNode c = recordedCase("tiny-bart", "generation_config_defaults");
        String first = c.get("inputs").get(0).asString();
        CommandResult r = CommandResult.run("summarise", "--model", TinyModels.FIXTURES.resolve("tiny-bart").toString(),
                "--json", first);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode line = JSON.readTree(r.out().strip());
        assertThat(line.get("input").asString()).isEqualTo(first);
        assertThat(line.get("text").asString()).isEqualTo(c.get("output_text").get(0).asString());
        assertThat(ids(line.get("ids"))).isEqualTo(ids(c.get("output_ids").get(0)));
    }

    @Test
    void mistakesAreOneLineUsageErrors() throws IOException {
        CommandResult noModel = CommandResult.run("translate", "--model", dir.resolve("nothing").toString(), "Hello.");
        assertThat(noModel.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noModel.err()).contains("not found").doesNotContain("\tat ");

        String model = TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString();
        CommandResult contradiction = CommandResult.run("translate", "--model", model, "--greedy", "--num-beams", "4", "Hi.");
        assertThat(contradiction.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(contradiction.err()).contains("--greedy and --num-beams 4 contradict");

        Path broken = TinyModels.install("tiny-marian-en-uk", dir.resolve("models"), "broken");
        Files.delete(broken.resolve("tokenizer.json"));
        CommandResult missingFile = CommandResult.run("translate", "--model", broken.toString(), "Hi.");
        assertThat(missingFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingFile.err()).contains("tokenizer.json");
    }
}
