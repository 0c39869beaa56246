package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.eval.Decimals;
import dev.briefs.eval.EvalMetric;
import dev.briefs.eval.RougeTokenizer;
import dev.briefs.eval.SegmentFiles;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval --translate}: translates as {@code briefs translate} does and reports the scores of
 * exactly what it wrote. The tiny random-weight model's scores mean nothing; what is checked is
 * that they are the scores of its output.
 */
class EvalTranslateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SOURCE = List.of(
            "The port of Odesa reopened on Thursday after a week of repairs.",
            "Prices for bread rose by 12 percent in October.",
            "Heavy rain flooded several streets in Lviv overnight.",
            "A new bridge across the Dnipro will open in 2027.");
    private static final List<String> REFERENCES = List.of(
            "Порт Одеси знову відкрився в четвер після тижня ремонту.",
            "Ціни на хліб у жовтні зросли на 12 відсотків.",
            "Сильна злива затопила кілька вулиць Львова вночі.",
            "Новий міст через Дніпро відкриють у 2027 році.");

    @TempDir
    Path dir;

    @Test
    void theReportedScoresAreThoseOfTheTranslationsItWrote() throws IOException {
        Path source = dir.resolve("src.en");
        Path refs = dir.resolve("ref.uk");
        Files.write(source, SOURCE);
        Files.write(refs, REFERENCES);
        Path output = dir.resolve("out/hyp.uk");
        Path models = dir.resolve("models");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");

        CommandResult r = CommandResult.run(
                "eval",
                "--translate",
                "opus-mt-en-uk",
                "--models-dir",
                models.toString(),
                "--source",
                source.toString(),
                "--references",
                refs.toString(),
                "--output",
                output.toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("translated 4 lines");

        CommandResult translate = CommandResult.run(
                "translate", "--model", models.resolve("opus-mt-en-uk").toString(), "--file", source.toString());
        assertThat(translate.exitCode()).as(translate.err()).isZero();
        List<String> written = SegmentFiles.read(output, "output");
        assertThat(written)
                .hasSize(4)
                .isEqualTo(translate.out().lines().map(String::stripTrailing).toList())
                .anyMatch(line -> !line.isBlank());

        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        EvalMetric[] metrics = {EvalMetric.BLEU, EvalMetric.CHRF, EvalMetric.CHRF_PLUS_PLUS};
        for (int i = 0; i < metrics.length; i++) {
            JsonNode json = JSON.readTree(lines.get(i));
            assertThat(json.get("metric").asString()).isEqualTo(metrics[i].optionName());
            String expected = Decimals.fixed(
                    metrics[i]
                            .score(written, REFERENCES, RougeTokenizer.ROUGE_SCORE)
                            .score(),
                    4);
            assertThat(lines.get(i)).contains("\"score\":" + expected + ",");
            assertThat(json.get("inputs").get("output").asString()).isEqualTo(output.toString());
            CommandResult again = CommandResult.run(
                    "eval",
                    "--metric",
                    metrics[i].optionName(),
                    "--hypotheses",
                    output.toString(),
                    "--references",
                    refs.toString());
            assertThat(again.out()).contains(" = " + expected + " ");
        }
    }

    @Test
    void withoutSourceItTranslatesThePairsWmt22TestSetInTheCorpusFolder() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Files.write(corpus.resolve("wmt22-en-uk.src.en"), SOURCE.subList(0, 2));
        Files.write(corpus.resolve("wmt22-en-uk.ref.uk"), REFERENCES.subList(0, 2));
        String model = TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString();

        CommandResult r =
                CommandResult.run("eval", "--translate", model, "--corpus", corpus.toString(), "--metric", "chrf");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("chrF2 = ");
        assertThat(r.err()).contains("translated 2 lines");

        CommandResult absent =
                CommandResult.run("eval", "--translate", model, "--corpus", corpus.toString(), "--pair", "uk-en");
        assertThat(absent.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(absent.err())
                .contains(corpus.resolve("wmt22-uk-en.src.uk").toString(), "--source FILE --references FILE")
                .doesNotContain("\tat ");

        Files.write(corpus.resolve("wmt22-en-uk.ref.uk"), REFERENCES);
        CommandResult uneven = CommandResult.run("eval", "--translate", model, "--corpus", corpus.toString());
        assertThat(uneven.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(uneven.err()).contains("has 2 lines", "has 4");

        CommandResult noModel = CommandResult.run(
                "eval",
                "--translate",
                dir.resolve("nothing").toString(),
                "--corpus",
                corpus.toString(),
                "--references",
                corpus.resolve("wmt22-en-uk.src.en").toString());
        assertThat(noModel.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noModel.err()).contains("not found");
    }

    @Test
    void aMultilingualModelTranslatesBetweenTheLanguagesOfThePair() throws IOException {
        Path source = dir.resolve("src.en");
        Path refs = dir.resolve("ref.uk");
        Path output = dir.resolve("hyp.uk");
        Files.write(source, SOURCE.subList(0, 2));
        Files.write(refs, REFERENCES.subList(0, 2));
        String model = TinyModels.FIXTURES.resolve("tiny-nllb").toString();

        CommandResult r = CommandResult.run(
                "eval",
                "--translate",
                model,
                "--pair",
                "en-uk",
                "--source",
                source.toString(),
                "--references",
                refs.toString(),
                "--output",
                output.toString(),
                "--metric",
                "chrf");
        assertThat(r.exitCode()).as(r.err()).isZero();
        CommandResult translate = CommandResult.run(
                "translate",
                "--model",
                model,
                "--source-lang",
                "en",
                "--target-lang",
                "uk",
                "--file",
                source.toString());
        assertThat(SegmentFiles.read(output, "output"))
                .isEqualTo(translate.out().lines().map(String::stripTrailing).toList());
        String expected = Decimals.fixed(
                EvalMetric.CHRF
                        .score(
                                SegmentFiles.read(output, "output"),
                                REFERENCES.subList(0, 2),
                                RougeTokenizer.ROUGE_SCORE)
                        .score(),
                4);
        assertThat(r.out()).startsWith("chrF2 = " + expected + " ");

        CommandResult unknownPair = CommandResult.run(
                "eval",
                "--translate",
                model,
                "--pair",
                "en-tlh",
                "--source",
                source.toString(),
                "--references",
                refs.toString());
        assertThat(unknownPair.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownPair.err()).contains("does not know language 'tlh'").doesNotContain("\tat ");
    }
}
