package dev.briefs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.support.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The metrics over whole files of the shared corpus (about 2,000 lines each), against the scores
 * sacrebleu and rouge-score gave for the same files ({@code corpus-scores.json} holds the numbers
 * and the files' hashes, never their text). Skipped when ../shared is absent.
 */
class EvalCorpusScoresTest {

    private static final Path SCORES = Path.of("src/test/resources/eval/corpus-scores.json");

    @TestFactory
    Stream<DynamicTest> wholeCorpusFilesScoreAsSacrebleuAndRougeScoreScoredThem() throws IOException {
        JsonNode fixture = EvalFixtureTest.fixture(SCORES);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fixture.get("cases")) {
            // Each case checks the corpus itself, so that without ../shared each one reports its skip.
            tests.add(DynamicTest.dynamicTest(c.get("name").asString(), () -> {
                checkCorpusFiles(fixture.get("files"));
                check(c);
            }));
        }
        return tests.stream();
    }

    private static void checkCorpusFiles(JsonNode files) throws IOException, NoSuchAlgorithmException {
        for (Map.Entry<String, JsonNode> file : files.properties()) {
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(SharedCorpus.file(file.getKey()))));
            assertThat(sha)
                    .as(
                            "%s differs from the file the scores were recorded on: rerun "
                                    + "tools/fixtures/make_eval_cases.py",
                            file.getKey())
                    .isEqualTo(file.getValue().asString());
        }
    }

    private static void check(JsonNode c) throws IOException {
        List<String> hyps;
        List<String> refs;
        switch (c.get("transform").asString()) {
            case "none" -> {
                hyps = read("wmt22-en-uk.src.en");
                refs = read("wmt22-en-uk.ref.uk");
            }
            case "shift" -> {
                List<String> en = read("wmt22-uk-en.ref.en");
                hyps = en.subList(1, en.size());
                refs = en.subList(0, en.size() - 1);
            }
            case "reverse_words" -> {
                refs = read(c.get("references").asString());
                hyps = refs.stream().map(EvalCorpusScoresTest::reversedWords).toList();
            }
            default -> throw new AssertionError("unknown transform in " + SCORES + ": " + c.get("transform"));
        }
        assertThat(hyps).hasSize(c.get("lines").asInt());
        EvalFixtureTest.checkCorpusScores(hyps, refs, c.get("scores"));
    }

    private static List<String> read(String name) throws IOException {
        return SegmentFiles.read(SharedCorpus.file(name), "corpus");
    }

    /** Python's {@code " ".join(reversed(line.split(" ")))}. */
    private static String reversedWords(String line) {
        List<String> words = new ArrayList<>(List.of(line.split(" ", -1)));
        Collections.reverse(words);
        return String.join(" ", words);
    }
}
