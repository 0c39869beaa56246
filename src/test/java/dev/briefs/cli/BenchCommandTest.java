package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.support.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class BenchCommandTest {

    static String tinyModel() throws Exception {
        return Paths.get(BenchCommandTest.class
                        .getResource("/models/tiny-marian-en-uk")
                        .toURI())
                .toString();
    }

    @Test
    void jsonHasOneResultPerBatchAndCacheModeWithEqualTokenCounts(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("src.en");
        Files.write(corpus, List.of("The council met on Tuesday.", "", "Rain is expected.", "Prices fell."));
        CommandResult r = CommandResult.run(
                "bench",
                "--model",
                tinyModel(),
                "--corpus",
                corpus.toString(),
                "--sentences",
                "5",
                "--batch",
                "1,2",
                "--cache",
                "on,off",
                "--max-new-tokens",
                "6",
                "--threads",
                "1",
                "--variant",
                "fp32",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("sentences").intValue()).isEqualTo(5);
        JsonNode results = doc.get("results");
        assertThat(results.size()).isEqualTo(4);
        for (JsonNode res : results) {
            assertThat(res.get("generatedTokens").longValue()).isEqualTo(5 * 6); // EOS held off
            assertThat(res.get("ortShare").doubleValue()).isBetween(0.0, 1.0);
            assertThat(res.get("decoderSteps").longValue())
                    .isEqualTo(6L * res.get("batches").longValue());
        }
        assertThat(results.get(0).get("cache").booleanValue()).isTrue();
        assertThat(results.get(3).get("cache").booleanValue()).isFalse();
        assertThat(results.get(3).get("batch").intValue()).isEqualTo(2);
    }

    @Test
    void bothVariantsAreMeasuredWhenAskedAndTheFasterIsNamedPerBatchSize() throws Exception {
        CommandResult r = CommandResult.run(
                "bench",
                "--model",
                tinyModel(),
                "--sentences",
                "4",
                "--batch",
                "1,4",
                "--cache",
                "on",
                "--max-new-tokens",
                "4",
                "--warmup",
                "0",
                "--threads",
                "1",
                "--beams",
                "2",
                "--variant",
                "fp32,quantized",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode results = doc.get("results");
        assertThat(results.size()).isEqualTo(4);
        assertThat(results.findValuesAsString("variant")).containsExactly("fp32", "fp32", "quantized", "quantized");
        assertThat(results.findValues("beams"))
                .allSatisfy(b -> assertThat(b.intValue()).isEqualTo(2));
        JsonNode faster = doc.get("faster_variant_by_batch");
        for (String batch : List.of("1", "4")) {
            double fp32 =
                    results.get(batch.equals("1") ? 0 : 1).get("tokensPerS").doubleValue();
            double quantized =
                    results.get(batch.equals("1") ? 2 : 3).get("tokensPerS").doubleValue();
            assertThat(faster.get(batch).asString()).startsWith(fp32 >= quantized ? "fp32" : "quantized");
        }
        // For a night, fp32 counts at its best batch size (its inputs share calls), quantized at batch 1 only.
        double fp32Night = Math.max(
                results.get(0).get("tokensPerS").doubleValue(),
                results.get(1).get("tokensPerS").doubleValue());
        double quantizedNight = results.get(2).get("tokensPerS").doubleValue();
        assertThat(doc.get("night_choice").asString())
                .startsWith(fp32Night >= quantizedNight ? "fp32 (" : "quantized (")
                .contains("quantized " + String.format(java.util.Locale.ROOT, "%.1f", quantizedNight)
                        + " tok/s at batch 1");
    }

    @Test
    void aBadOptimisationLevelIsAUsageError() throws Exception {
        CommandResult r = CommandResult.run("bench", "--model", tinyModel(), "--optimization", "max");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--optimization").contains("none, basic, extended or all");
    }

    @Test
    void tablePrintsARowPerConfigurationOfTheDefaultVariantOnly() throws Exception {
        // The fixture holds quantized graphs too: without --variant, bench loads what every command loads.
        CommandResult r = CommandResult.run(
                "bench",
                "--model",
                tinyModel(),
                "--sentences",
                "2",
                "--batch",
                "2",
                "--cache",
                "on",
                "--max-new-tokens",
                "3",
                "--warmup",
                "0",
                "--threads",
                "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("ORT %")
                .containsPattern("(?m)^fp32\\s+on\\s+2\\s")
                .doesNotContain("quantized");
    }

    @Test
    void missingCorpusIsAUsageError(@TempDir Path tmp) throws Exception {
        CommandResult r = CommandResult.run(
                "bench",
                "--model",
                tinyModel(),
                "--corpus",
                tmp.resolve("nope.txt").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("corpus file").contains("nope.txt").contains("does not exist");
    }

    @Test
    void badCacheModeIsAUsageError() throws Exception {
        CommandResult r = CommandResult.run("bench", "--model", tinyModel(), "--cache", "maybe");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--cache");
    }
}
