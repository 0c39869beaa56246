package dev.briefs.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.support.SharedCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link MarianSpTokenizer} against MarianTokenizer (transformers 4.46.3) on a fixture that keeps
 * SentencePiece's tie pieces ({@code 0}/{@code 00}/{@code 000}): tools/fixtures/make_marian_ties.py.
 */
class MarianSpTokenizerTest {

    static final Path DIR = Path.of("src/test/resources/tokenizers/marian-ties");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static MarianSpTokenizer tok;
    static JsonNode expected;

    @BeforeAll
    static void load() {
        tok = MarianSpTokenizer.load(DIR, 512);
        expected = JSON.readTree(DIR.resolve("expected.json").toFile());
    }

    @AfterAll
    static void close() {
        tok.close();
    }

    static long[] ids(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    @Test
    void numberDateAndCurrencyStringsGetMarianTokenizersIds() {
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (JsonNode c : expected.get("cases")) {
            long[] want = ids(c.get("input_ids"));
            long[] got = tok.encode(c.get("text").asString(), true);
            if (!Arrays.equals(want, got)) {
                bad.add(c.get("text").asString() + ": " + Arrays.toString(got) + " != " + Arrays.toString(want));
            }
            n++;
        }
        assertTrue(n >= 40, "the fixture lists " + n + " strings");
        assertEquals(List.of(), bad);
    }

    @Test
    void theFixtureHasTiesThatTokenizerJsonBreaksOtherwise() throws Exception {
        int differ = 0;
        try (HuggingFaceTokenizer rust = ModelTokenizer.tokenizer(DIR.resolve("tokenizer.json"), 512)) {
            for (JsonNode c : expected.get("cases")) {
                long[] viaJson = rust.encode(c.get("text").asString()).getIds();
                assertArrayEquals(
                        ids(c.get("tokenizer_json_ids")), viaJson, c.get("text").asString());
                if (!Arrays.equals(viaJson, tok.encode(c.get("text").asString(), true))) {
                    differ++;
                }
            }
        }
        assertEquals(expected.get("differing_strings").asInt(), differ);
        assertTrue(differ > 0, "no string exercises a tie");
    }

    @Test
    void referenceOutputIdsDecodeToMarianTokenizersText() {
        for (JsonNode c : expected.get("cases")) {
            assertEquals(
                    c.get("output_text").asString(),
                    tok.decode(ids(c.get("output_ids"))),
                    c.get("text").asString());
        }
    }

    @Test
    void specialTokensLanguageCodesAndTruncation() {
        long eos = 0;
        long unk = 1;
        assertArrayEquals(new long[] {eos}, tok.encode("", true));
        long[] literal = tok.encode("a </s> b <unk>", true);
        assertEquals(eos, literal[literal.length - 1]);
        assertTrue(LongStream.of(literal).filter(i -> i == unk).count() == 1, "literal <unk> keeps its id");
        try (MarianSpTokenizer short8 = MarianSpTokenizer.load(DIR, 8)) {
            long[] cut = short8.encode("1000000 people and 2500000 tonnes of grain were counted", true);
            assertEquals(8, cut.length);
            assertEquals(eos, cut[7]);
            assertArrayEquals(
                    Arrays.copyOf(tok.encode("1000000 people and 2500000 tonnes of grain were counted", true), 7),
                    Arrays.copyOf(cut, 7));
        }
    }

    @Test
    void aCorruptSentencePieceModelIsAOneLineLoadError(@TempDir Path dir) throws Exception {
        for (String f : List.of("vocab.json", "tokenizer_config.json", "target.spm")) {
            Files.copy(DIR.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("source.spm"), "not a model");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> MarianSpTokenizer.load(dir, 512));
        assertEquals("Corrupt SentencePiece model: " + dir.resolve("source.spm"), e.getMessage());
    }

    /** Every line of the shared corpus, both languages: only hashes of the text and of the ids are committed. */
    @Test
    void everySharedCorpusLineGetsMarianTokenizersIds() throws Exception {
        Path corpus = SharedCorpus.dir();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (String row : Files.readAllLines(DIR.resolve("corpus-hashes.jsonl"))) {
            JsonNode h = JSON.readTree(row);
            String file = h.get("file").asString();
            int line = h.get("line").asInt();
            String text = lines(corpus.resolve(file)).get(line - 1);
            String where = file + ":" + line;
            if (!h.get("field").isNull()) {
                String field = h.get("field").asString();
                String name = field.substring(0, field.indexOf('['));
                int k = Integer.parseInt(field.substring(field.indexOf('[') + 1, field.length() - 1));
                text = JSON.readTree(text).get(name).get(k).asString();
                where += " " + field;
            }
            String hex = HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
            if (!hex.equals(h.get("text_sha256").asString())) {
                bad.add(where + ": the corpus line is not the one the fixture was made from");
                continue;
            }
            String ids = LongStream.of(tok.encode(text, true))
                    .mapToObj(Long::toString)
                    .collect(Collectors.joining(","));
            if (!HexFormat.of()
                    .formatHex(sha.digest(ids.getBytes(StandardCharsets.UTF_8)))
                    .equals(h.get("ids_sha256").asString())) {
                bad.add(where + ": ids differ from MarianTokenizer's ("
                        + h.get("lang").asString() + ")");
            }
            n++;
        }
        assertEquals(List.of(), bad);
        assertTrue(n > 9000, n + " lines");
    }

    private static final Map<Path, List<String>> LINES = new HashMap<>();

    /** The file's '\n'-separated lines, as the fixture script numbers them. */
    static List<String> lines(Path file) throws Exception {
        if (!LINES.containsKey(file)) {
            List<String> l = new ArrayList<>(List.of(Files.readString(file).split("\n", -1)));
            if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
                l.remove(l.size() - 1);
            }
            LINES.put(file, l);
        }
        return LINES.get(file);
    }
}
