package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.generate.ConstrainedBeamSearchParityTest;
import dev.briefs.generate.NearTies;
import dev.briefs.inference.Seq2SeqGenerator;
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

/**
 * {@code translate --force-word}: the words tokenized with the model's target side, every line translated by
 * constrained beam search as transformers translated it (the recorded cases of
 * {@code constrained/constrained-beam-search.json}), and the words a model cannot write refused in one line.
 */
class TranslateForceWordTest {

    private static final String MODEL = "tiny-marian-en-uk";

    @TempDir
    Path dir;

    private static String model() {
        return TinyModels.FIXTURES.resolve(MODEL).toString();
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

    /** The command line of a recorded case: its words as --force-word, its beams and length. */
    private List<String> command(JsonNode c) throws IOException {
        Path input = dir.resolve(c.get("name").asString() + ".txt");
        Files.write(input, strings(c.get("inputs")));
        List<String> args = new ArrayList<>(List.of("translate", "--model", model(), "--file", input.toString()));
        args.addAll(List.of("--num-beams", c.get("settings").get("num_beams").asString()));
        if (c.get("settings").has("max_new_tokens")) {
            args.addAll(List.of(
                    "--max-new-tokens", c.get("settings").get("max_new_tokens").asString()));
        }
        for (String word : strings(c.get("force_words"))) {
            args.addAll(List.of("--force-word", word));
        }
        return args;
    }

    /** The words as --force-word takes them give the ids transformers' target-side tokenizer gave. */
    @Test
    void wordsAreTokenizedAsTransformersTokenizedThem() {
        for (String model : List.of("tiny-marian-en-uk", "tiny-marian-uk-en")) {
            try (Seq2SeqGenerator generator = Seq2SeqGenerator.load(TinyModels.FIXTURES.resolve(model))) {
                for (JsonNode c :
                        ConstrainedBeamSearchParityTest.fixture().get("models").get(model)) {
                    if (c.has("force_words")) {
                        assertThat(generator.forcedWords(strings(c.get("force_words"))))
                                .as("%s %s", model, c.get("force_words"))
                                .hasToString(c.get("settings")
                                        .get("force_words_ids")
                                        .toString()
                                        .replace(",", ", "));
                    }
                }
            }
        }
    }

    @Test
    void everyTranslationIsTransformersConstrainedOneAndHoldsTheForcedTokens() throws IOException {
        for (String kind : List.of("one_word", "several_words", "accepted_forms", "longer_than_room")) {
            JsonNode c = ConstrainedBeamSearchParityTest.recordedCase(MODEL, kind, "fp32");
            int[] stable = NearTies.stablePrefixes(MODEL, c);
            for (int row = 0; row < stable.length; row++) {
                assertThat(stable[row])
                        .as("%s row %d: stable within the float32 bound, so compared whole", kind, row)
                        .isEqualTo(c.get("output_ids").get(row).size());
            }
            List<String> args = command(c);
            // the words the command line tokenized are the ids transformers was given
            CommandResult text = CommandResult.run(args.toArray(String[]::new));
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out().lines().toList()).as(kind).isEqualTo(strings(c.get("output_text")));

            args.add("--ids");
            CommandResult idLines = CommandResult.run(args.toArray(String[]::new));
            assertThat(idLines.exitCode()).as(idLines.err()).isZero();
            List<String> expected = new ArrayList<>();
            c.get("output_ids").forEach(r -> expected.add(ids(r)));
            assertThat(idLines.out().lines().toList()).as(kind).isEqualTo(expected);
        }
    }

    /** Each line holds the forced word's tokens, in a row. */
    @Test
    void theForcedTokensAreInTheOutput() throws IOException {
        JsonNode c = ConstrainedBeamSearchParityTest.recordedCase(MODEL, "one_word", "fp32");
        String word = " " + ids(c.get("settings").get("force_words_ids").get(0)) + " ";
        List<String> args = command(c);
        args.add("--ids");
        CommandResult r = CommandResult.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(c.get("inputs").size());
        for (String line : lines) {
            assertThat(" " + line + " ").as("forced tokens%s", word).contains(word);
        }
    }

    @Test
    void aWordTheModelCannotWriteIsRefusedInOneLine() {
        CommandResult r =
                CommandResult.run("translate", "--model", model(), "--num-beams", "4", "--force-word", "☃", "Hi.");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("--force-word", "\"☃\"", "cannot write", "unknown token")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anEmptyFormAndGreedySearchAreRefused() {
        CommandResult empty =
                CommandResult.run("translate", "--model", model(), "--num-beams", "4", "--force-word", "Київ|", "Hi.");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("--force-word", "a form is empty").doesNotContain("\tat ");

        CommandResult greedy =
                CommandResult.run("translate", "--model", model(), "--greedy", "--force-word", "Київ", "Hi.");
        assertThat(greedy.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(greedy.err())
                .contains("--force-word needs beam search", "--num-beams 2 or more")
                .doesNotContain("\tat ");
        assertThat(greedy.err().strip().lines().count()).isEqualTo(1);
    }
}
