package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.support.CommandResult;
import dev.briefs.support.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code bench --force-words FILE} on the tiny Marian model: plain and constrained beam search measured side by
 * side, the constrained outputs holding the words, and bad words files refused with their line.
 */
class BenchForceWordsTest {

    @TempDir
    Path dir;

    private Path corpus() throws Exception {
        Path corpus = dir.resolve("src.en");
        Files.write(
                corpus,
                List.of(
                        "The council met on Tuesday.",
                        "Rain is expected in the west.",
                        "Prices fell on Tuesday evening.",
                        "The team won its match."));
        return corpus;
    }

    private Path words(String... lines) throws Exception {
        Path f = dir.resolve("words.txt");
        Files.write(f, List.of(lines));
        return f;
    }

    private CommandResult bench(Path words, String beams, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "bench",
                "--model",
                TinyModels.FIXTURES.resolve("tiny-marian-en-uk").toString(),
                "--corpus",
                corpus().toString(),
                "--sentences",
                "4",
                "--batch",
                "1,2",
                "--cache",
                "on",
                "--max-new-tokens",
                "10",
                "--warmup",
                "0",
                "--threads",
                "1",
                "--beams",
                beams,
                "--force-words",
                words.toString()));
        args.addAll(List.of(more));
        return CommandResult.run(args.toArray(String[]::new));
    }

    @Test
    void tableShowsPlainAndConstrainedRowsAndTheirRatio() throws Exception {
        CommandResult r = bench(words("# the capital", "", "Київ"), "4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^fp32\\s+on\\s+1\\s")
                .containsPattern("(?m)^fp32\\+fw\\s+on\\s+1\\s")
                .containsPattern("(?m)^fp32\\+fw\\s+on\\s+2\\s")
                .contains("+fw/plain")
                // one comparison row per batch size: a ratio, and all 4 constrained outputs hold the word
                .containsPattern("(?m)^fp32\\s+on\\s+1\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+x\\s+\\d/4\\s+4/4$")
                .containsPattern("(?m)^fp32\\s+on\\s+2\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+x\\s+\\d/4\\s+4/4$");
    }

    @Test
    void jsonCarriesBothSearchesAndEveryConstrainedOutputHoldsItsWords() throws Exception {
        CommandResult r = bench(words("Київ", "уряд|новини"), "4", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode results = doc.get("results");
        assertThat(results.size()).isEqualTo(4); // batches 1 and 2, each plain then constrained
        assertThat(results.get(0).get("search").asString()).isEqualTo("beam");
        assertThat(results.get(1).get("search").asString()).isEqualTo("constrained");
        for (JsonNode res : results) {
            assertThat(res.get("generatedTokens").longValue()).isEqualTo(4 * 10); // same work both ways
        }
        JsonNode fw = doc.get("force_words");
        assertThat(fw.get("lines").intValue()).isEqualTo(2);
        assertThat(fw.get("sentences_with_words").intValue()).isEqualTo(4);
        assertThat(fw.get("comparison").size()).isEqualTo(2);
        for (JsonNode row : fw.get("comparison")) {
            assertThat(row.get("constrained_held").intValue()).isEqualTo(4);
            assertThat(row.get("of").intValue()).isEqualTo(4);
            assertThat(row.get("constrained_over_plain").doubleValue())
                    .isCloseTo(
                            row.get("constrained_tokens_per_s").doubleValue()
                                    / row.get("plain_tokens_per_s").doubleValue(),
                            org.assertj.core.data.Offset.offset(0.01)); // rounded to 3 digits, tok/s to 1
        }
    }

    @Test
    void aSourceTermLimitsItsWordToTheSentencesThatHoldIt() throws Exception {
        CommandResult r = bench(words("tuesday => Київ"), "4", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode fw = new ObjectMapper().readTree(r.out()).get("force_words");
        assertThat(fw.get("sentences_with_words").intValue()).isEqualTo(2); // case-insensitive: "Tuesday"
        for (JsonNode row : fw.get("comparison")) {
            assertThat(row.get("of").intValue()).isEqualTo(2);
            assertThat(row.get("constrained_held").intValue()).isEqualTo(2);
        }
    }

    @Test
    void oneBeamIsRefused() throws Exception {
        CommandResult r = bench(words("Київ"), "1");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--force-words").contains("--beams 2 or more");
    }

    @Test
    void badFilesNameTheFileAndLine() throws Exception {
        record Case(List<String> lines, String expected) {}
        List<Case> cases = List.of(
                new Case(List.of("# only a comment", ""), "has no words"),
                new Case(List.of("Київ", "# forms", "Київ||Києва"), "line 3: \"Київ||Києва\" has an empty form"),
                new Case(List.of("a => b => c"), "line 1: \"a => b => c\" has more than one '=>'"),
                new Case(List.of("Київ", " => Київ"), "line 2: \"=> Київ\" has an empty source term"),
                new Case(List.of("# a word the model cannot write", "東京"), "line 2: forced word \"東京\""));
        for (Case c : cases) {
            Path f = words(c.lines().toArray(String[]::new));
            CommandResult r = bench(f, "4");
            assertThat(r.exitCode()).as(c.expected()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(c.expected()).contains(f.toString()).contains(c.expected());
        }
        CommandResult missing = bench(dir.resolve("nope.txt"), "4");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nope.txt").contains("does not exist");
    }
}
