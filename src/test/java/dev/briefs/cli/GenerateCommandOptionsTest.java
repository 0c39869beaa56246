package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.generate.NearTies;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The options for checking a model from the command line: --variant, --decoder, --early-stopping,
 * --min-new-tokens and the encoder's input ids in --json, against what transformers recorded for
 * the fixture models (expected.json).
 */
class GenerateCommandOptionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARIAN =
            TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString();
    private static final String BART = TinyModels.FIXTURES.resolve("tiny-bart").toString();

    @TempDir
    Path dir;

    private static JsonNode recorded(String model, String name, String variant) throws IOException {
        JsonNode expected = JSON.readTree(
                TinyModels.FIXTURES.resolve(model).resolve("expected.json").toFile());
        for (JsonNode c : expected.get("cases")) {
            if (c.get("name").asString().equals(name)
                    && c.get("variant").asString().equals(variant)) {
                return c;
            }
        }
        throw new AssertionError("no case " + name + " " + variant);
    }

    private static String ids(JsonNode row) {
        return StreamSupport.stream(row.spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.joining(" "));
    }

    /**
     * A printed id line against a recorded row: the whole row where it is stable, else its tokens up to
     * the near-tie that the float32 bound lets another CPU break the other way (NearTies).
     */
    private static void assertRecordedRow(String model, JsonNode c, int row, String line) {
        JsonNode recorded = c.get("output_ids").get(row);
        int stable = NearTies.stablePrefixes(model, c)[row];
        if (stable == recorded.size()) {
            assertThat(line)
                    .as("%s %s row %d", model, c.get("name").asString(), row)
                    .isEqualTo(ids(recorded));
        } else {
            String prefix = ids(JSON.createArrayNode()
                    .addAll(StreamSupport.stream(recorded.spliterator(), false)
                            .limit(stable)
                            .toList()));
            assertThat(line + " ")
                    .as("%s %s row %d, up to its near-tie", model, c.get("name").asString(), row)
                    .startsWith(prefix + " ");
        }
    }

    private static void assertRecordedRows(String model, JsonNode c, List<String> lines) {
        assertThat(lines).hasSize(c.get("output_ids").size());
        for (int i = 0; i < lines.size(); i++) {
            assertRecordedRow(model, c, i, lines.get(i));
        }
    }

    private static List<String> idLines(JsonNode c, String field) {
        List<String> out = new ArrayList<>();
        c.get(field).forEach(row -> out.add(ids(row)));
        return out;
    }

    private Path inputFile(JsonNode c) throws IOException {
        Path input = dir.resolve("in-" + System.nanoTime() + ".txt");
        List<String> lines = new ArrayList<>();
        c.get("inputs").forEach(x -> lines.add(x.asString()));
        Files.write(input, lines);
        return input;
    }

    private static CommandResult ok(String... args) {
        CommandResult r = CommandResult.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    @Test
    void variantChoosesTheGraphsAndEachGivesWhatTransformersGaveWithThem() throws IOException {
        // recorded greedy outputs of the two variants differ for this case
        JsonNode fp32 = recorded("tiny-marian-en-uk", "greedy", "fp32");
        JsonNode quantized = recorded("tiny-marian-en-uk", "greedy", "quantized");
        assertThat(idLines(fp32, "output_ids")).isNotEqualTo(idLines(quantized, "output_ids"));
        Path input = inputFile(fp32);
        for (JsonNode c : List.of(fp32, quantized)) {
            CommandResult r = ok(
                    "translate",
                    "--model",
                    MARIAN,
                    "--file",
                    input.toString(),
                    "--greedy",
                    "--ids",
                    "--variant",
                    c.get("variant").asString());
            assertRecordedRows("tiny-marian-en-uk", c, r.out().lines().toList());
        }
    }

    @Test
    void aVariantTheFolderLacksIsAOneLineUsageErrorNamingTheGraph() throws IOException {
        Path model = TinyModels.install("tiny-marian-en-uk", dir, "fp32-only");
        try (var files = Files.list(model.resolve("onnx"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains("_quantized"))
                    .toList()) {
                Files.delete(f);
            }
        }
        ok("translate", "--model", model.toString(), "Hi."); // fp32, the default
        CommandResult r = CommandResult.run("translate", "--model", model.toString(), "--variant", "quantized", "Hi.");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains(
                        "the quantized graphs are not installed",
                        "encoder_model_quantized.onnx",
                        "models fetch fp32-only --variant quantized",
                        "--variant fp32")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aFolderWithoutTheDefaultVariantIsAnErrorNotAQuietSwitchToTheOther() throws IOException {
        Path model = TinyModels.install("tiny-marian-en-uk", dir, "quantized-only");
        try (var files = Files.list(model.resolve("onnx"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().contains("_quantized"))
                    .toList()) {
                Files.delete(f);
            }
        }
        CommandResult r = CommandResult.run("translate", "--model", model.toString(), "Hi.");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains(
                        "the fp32 graphs are not installed",
                        "encoder_model.onnx",
                        "models fetch quantized-only --variant fp32",
                        "--variant quantized")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        ok("translate", "--model", model.toString(), "--variant", "quantized", "Hi.");
    }

    @Test
    void decoderForcesTheLayoutAndSaysWhenTheFolderLacksIt() throws IOException {
        JsonNode c = recorded("tiny-marian-en-uk", "beam4_lp0.6", "fp32");
        Path input = inputFile(c);
        Path splitOnly = TinyModels.install("tiny-marian-en-uk", dir, "split-only");
        Files.delete(splitOnly.resolve("onnx/decoder_model_merged.onnx"));
        Files.delete(splitOnly.resolve("onnx/decoder_model_merged_quantized.onnx"));
        for (String folder : List.of(MARIAN, splitOnly.toString())) {
            CommandResult r = ok(
                    "translate",
                    "--model",
                    folder,
                    "--file",
                    input.toString(),
                    "--variant",
                    "fp32",
                    "--decoder",
                    "split",
                    "--num-beams",
                    "4",
                    "--length-penalty",
                    "0.6",
                    "--ids");
            assertRecordedRows("tiny-marian-en-uk", c, r.out().lines().toList());
        }
        CommandResult merged = CommandResult.run(
                "translate", "--model", splitOnly.toString(), "--variant", "fp32", "--decoder", "merged", "Hi.");
        assertThat(merged.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(merged.err())
                .contains("merged decoder layout")
                .contains("decoder_model_merged.onnx")
                .doesNotContain("\tat ");

        Path mergedOnly = TinyModels.install("tiny-marian-en-uk", dir, "merged-only");
        Files.delete(mergedOnly.resolve("onnx/decoder_with_past_model.onnx"));
        CommandResult split = CommandResult.run(
                "translate", "--model", mergedOnly.toString(), "--variant", "fp32", "--decoder", "split", "Hi.");
        assertThat(split.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(split.err()).contains("split decoder layout").contains("decoder_with_past_model.onnx");
        ok("translate", "--model", mergedOnly.toString(), "--variant", "fp32", "Hi."); // merged is found by itself
    }

    @Test
    void earlyStoppingReachesBeamSearch() throws IOException {
        // the model's own setting is early_stopping: true, which is what transformers recorded
        JsonNode c = recorded("tiny-bart", "generation_config_defaults", "fp32");
        String input = c.get("inputs").get(2).asString();
        String recorded = ids(c.get("output_ids").get(2));
        CommandResult asConfigured = ok("summarise", "--model", BART, "--ids", "--early-stopping", "true", input);
        assertRecordedRow("tiny-bart", c, 2, asConfigured.out().strip());
        CommandResult never = ok("summarise", "--model", BART, "--ids", "--early-stopping", "never", input);
        assertThat(never.out().strip()).isNotEqualTo(recorded);
    }

    @Test
    void minNewTokensHoldsBackTheEndOfSequence() throws IOException {
        // recorded greedy output of the first input is the start token and EOS (0) at once
        JsonNode c = recorded("tiny-marian-en-uk", "greedy", "fp32");
        String input = c.get("inputs").get(0).asString();
        assertThat(ids(c.get("output_ids").get(0))).isEqualTo("997 0");
        CommandResult r = ok(
                "translate",
                "--model",
                MARIAN,
                "--variant",
                "fp32",
                "--greedy",
                "--ids",
                "--min-new-tokens",
                "5",
                input);
        int[] out = Arrays.stream(r.out().strip().split(" "))
                .mapToInt(Integer::parseInt)
                .toArray();
        assertThat(out.length).isGreaterThanOrEqualTo(6);
        assertThat(Arrays.copyOfRange(out, 1, 6)).doesNotContain(0);
    }

    @Test
    void jsonAlsoPrintsTheIdsTheEncoderGot() throws IOException {
        JsonNode c = recorded("tiny-bart", "generation_config_defaults", "fp32");
        String input = c.get("inputs").get(0).asString();
        CommandResult r = ok("summarise", "--model", BART, "--json", input);
        JsonNode line = JSON.readTree(r.out().strip());
        assertThat(ids(line.get("input_ids"))).isEqualTo(ids(c.get("input_ids").get(0)));
        assertRecordedRow("tiny-bart", c, 0, ids(line.get("ids")));
        assertThat(line.get("input").asString()).isEqualTo(input);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--variant | fp16 | The fp16 variant is not supported by this backend",
                "--variant | best | unknown variant 'best': use fp32, quantized, q4 or fp16",
                "--decoder | both | --decoder must be merged or split",
                "--early-stopping | maybe | --early-stopping must be true, false or never",
                "--min-new-tokens | -1 | --min-new-tokens must be at least 0",
                "--min-new-tokens | many | --min-new-tokens",
            })
    void badValuesAreOneLineUsageErrors(String option, String value, String message) {
        CommandResult r = CommandResult.run("translate", "--model", MARIAN, option, value, "Hi.");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains(message)
                .contains(value)
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void aModelWithARefusedGenerationSettingIsAOneLineUsageError() throws IOException {
        Path model = TinyModels.install("tiny-bart", dir, "sampling");
        Path file = model.resolve("generation_config.json");
        ObjectNode config = (ObjectNode) JSON.readTree(file.toFile());
        config.put("do_sample", true);
        Files.writeString(file, JSON.writeValueAsString(config));
        CommandResult r = CommandResult.run("summarise", "--model", model.toString(), "Hello there.");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("do_sample: true")
                .contains(file.toString())
                .contains("set it to false")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}
