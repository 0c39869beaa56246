package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.UnknownLanguageException;
import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The text facade: tokenization and decoded text against the fixtures, and bad input. */
class TextGenerationTest {

    private static Seq2SeqGenerator marian;
    private static Seq2SeqGenerator bart;

    @BeforeAll
    static void load() {
        marian = Seq2SeqGenerator.load(
                ParityTest.modelsDir().resolve("tiny-marian-en-uk"),
                OnnxModelOptions.defaults().withVariant(Variant.FP32).withIntraOpThreads(1));
        bart = Seq2SeqGenerator.load(
                ParityTest.modelsDir().resolve("tiny-bart"),
                OnnxModelOptions.defaults().withVariant(Variant.FP32).withIntraOpThreads(1));
    }

    @AfterAll
    static void close() {
        marian.close();
        bart.close();
    }

    @TestFactory
    Stream<DynamicNode> textParity() throws Exception {
        List<DynamicNode> tests = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String name : ParityTest.MODELS) {
            Path dir = ParityTest.modelsDir().resolve(name);
            File expected = dir.resolve("expected.json").toFile();
            if (!expected.isFile()) {
                continue;
            }
            JsonNode root = mapper.readTree(expected);
            for (Variant v : List.of(Variant.FP32, Variant.QUANTIZED)) {
                tests.add(DynamicTest.dynamicTest(name + " " + v, () -> {
                    try (Seq2SeqGenerator g = Seq2SeqGenerator.load(
                            dir, OnnxModelOptions.defaults().withVariant(v).withIntraOpThreads(1))) {
                        for (JsonNode c : root.get("cases")) {
                            if (Variant.parse(c.get("variant").asString()) != v) {
                                continue;
                            }
                            String label = name + " " + c.get("name").asString() + " " + v;
                            List<String> inputs = new ArrayList<>();
                            c.get("inputs").forEach(x -> inputs.add(x.asString()));
                            // NLLB cases name their languages by NLLB code; ask by ISO 639-1 where the table maps it
                            String src = iso(c.path("src_lang").asString(null));
                            String tgt = iso(c.path("tgt_lang").asString(null));
                            for (int i = 0; i < inputs.size(); i++) {
                                long[] exp = new long[c.get("input_ids").get(i).size()];
                                for (int j = 0; j < exp.length; j++) {
                                    exp[j] = c.get("input_ids").get(i).get(j).longValue();
                                }
                                long[] actual =
                                        src == null ? g.tokenize(inputs.get(i)) : g.tokenize(inputs.get(i), src);
                                assertThat(actual)
                                        .as("tokens %s row %d", label, i)
                                        .containsExactly(exp);
                            }
                            Map<String, Object> settings = new LinkedHashMap<>(ParityTest.settings(c.get("settings")));
                            if (src != null) {
                                // the generator sets forced_bos_token_id from the target language itself
                                settings.remove("forced_bos_token_id");
                            }
                            List<Seq2SeqGenerator.Result> results = new ArrayList<>();
                            if (c.path("batched").asBoolean(false)) {
                                results.addAll(
                                        src == null
                                                ? g.generate(inputs, settings)
                                                : g.generate(inputs, src, tgt, settings));
                            } else {
                                for (String in : inputs) {
                                    results.addAll(
                                            src == null
                                                    ? g.generate(List.of(in), settings)
                                                    : g.generate(List.of(in), src, tgt, settings));
                                }
                            }
                            int[] stable = NearTies.stablePrefixes(name, c);
                            for (int i = 0; i < inputs.size(); i++) {
                                JsonNode recorded = c.get("output_ids").get(i);
                                if (stable[i] == recorded.size()) {
                                    assertThat(results.get(i).text())
                                            .as("text %s row %d", label, i)
                                            .isEqualTo(
                                                    c.get("output_text").get(i).asString());
                                } else {
                                    // A near-tie within the float32 bound: the ids up to it hold on every CPU.
                                    int[] prefix = new int[stable[i]];
                                    for (int j = 0; j < prefix.length; j++) {
                                        prefix[j] = recorded.get(j).intValue();
                                    }
                                    assertThat(results.get(i).outputIds())
                                            .as("ids %s row %d, up to its near-tie", label, i)
                                            .startsWith(prefix);
                                }
                            }
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static String iso(String nllb) {
        if (nllb == null) {
            return null;
        }
        return switch (nllb) {
            case "eng_Latn" -> "en";
            case "ukr_Cyrl" -> "uk";
            default -> nllb;
        };
    }

    @Test
    void nllbMarksTheSourceLanguageAndForcesTheTarget() {
        try (Seq2SeqGenerator nllb = Seq2SeqGenerator.load(
                ParityTest.modelsDir().resolve("tiny-nllb"),
                OnnxModelOptions.defaults().withVariant(Variant.FP32).withIntraOpThreads(1))) {
            Map<String, Long> ids =
                    ParityTest.addedTokenIds(ParityTest.modelsDir().resolve("tiny-nllb"));
            long eng = ids.get("eng_Latn");
            long ukr = ids.get("ukr_Cyrl");
            assertThat(nllb.multilingual()).isTrue();
            assertThat(nllb.languageCodes())
                    .contains("eng_Latn", "ukr_Cyrl", "deu_Latn")
                    .hasSize(202);
            assertThat(nllb.languageTokenId("en")).isEqualTo(eng);
            assertThat(nllb.languageTokenId("ukr_Cyrl")).isEqualTo(ukr);
            assertThat(nllb.tokenize("", "uk")).containsExactly(ukr, 2L);
            assertThat(nllb.tokenize("Hello there.", "en")).containsExactly(nllb.tokenize("Hello there.", "eng_Latn"));
            long[] en = nllb.tokenize("Hello there.", "en");
            assertThat(en[0]).isEqualTo(eng);
            assertThat(en[en.length - 1]).isEqualTo(2L);
            long[] long1 = nllb.tokenize("word ".repeat(2000), "uk");
            assertThat(long1).hasSize(64);
            assertThat(long1[0]).isEqualTo(ukr);
            assertThat(long1[63]).isEqualTo(2L);
            Seq2SeqGenerator.Result r = nllb.generate("Hello there.", "en", "uk");
            assertThat(r.outputIds()).startsWith(2, (int) ukr);
            assertThat(nllb.generate("Hello there.", "en", "de").outputIds())
                    .startsWith(2, ids.get("deu_Latn").intValue());
            assertThat(nllb.maxInputTokens()).isEqualTo(62);
        }
    }

    @Test
    void nllbUnknownOrMissingLanguageFailsNamingIt() {
        try (Seq2SeqGenerator nllb = Seq2SeqGenerator.load(
                ParityTest.modelsDir().resolve("tiny-nllb"),
                OnnxModelOptions.defaults().withVariant(Variant.FP32).withIntraOpThreads(1))) {
            assertThatThrownBy(() -> nllb.generate("Hello.", "en", "tlh"))
                    .isInstanceOf(UnknownLanguageException.class)
                    .hasMessageContaining("tiny-nllb")
                    .hasMessageContaining("'tlh'")
                    .satisfies(e -> assertThat(((UnknownLanguageException) e).language())
                            .isEqualTo("tlh"));
            assertThatThrownBy(() -> nllb.generate("Hello.", "xx_Yyyy", "uk"))
                    .isInstanceOf(UnknownLanguageException.class)
                    .hasMessageContaining("'xx_Yyyy'");
            assertThatThrownBy(() -> nllb.checkLanguages("en", "klingon"))
                    .isInstanceOf(UnknownLanguageException.class)
                    .hasMessageContaining("'klingon'");
            assertThatThrownBy(() -> nllb.generate("Hello."))
                    .isInstanceOf(UnknownLanguageException.class)
                    .hasMessageContaining("multilingual");
        }
    }

    @Test
    void nllbLegacyBehaviourPutsTheLanguageAfterEos(@TempDir Path tmp) throws IOException {
        Path dir = copyModel(tmp, "tiny-nllb");
        Path cfg = dir.resolve("tokenizer_config.json");
        Files.writeString(
                cfg, Files.readString(cfg).replace("\"legacy_behaviour\": false", "\"legacy_behaviour\": true"));
        try (Seq2SeqGenerator legacy =
                        Seq2SeqGenerator.load(dir, OnnxModelOptions.defaults().withIntraOpThreads(1));
                Seq2SeqGenerator modern = Seq2SeqGenerator.load(
                        ParityTest.modelsDir().resolve("tiny-nllb"),
                        OnnxModelOptions.defaults().withIntraOpThreads(1))) {
            long[] m = modern.tokenize("Good morning.", "en");
            long[] l = legacy.tokenize("Good morning.", "en");
            assertThat(l).hasSameSizeAs(m);
            assertThat(l[l.length - 1]).isEqualTo(m[0]);
            assertThat(l[l.length - 2]).isEqualTo(2L);
            assertThat(Arrays.copyOfRange(l, 0, l.length - 2)).containsExactly(Arrays.copyOfRange(m, 1, m.length - 1));
        }
    }

    @Test
    void pairModelsIgnoreLanguages() {
        assertThat(marian.multilingual()).isFalse();
        marian.checkLanguages("en", "tlh");
        assertThat(marian.generate("The port reopened.", "en", "uk").outputIds())
                .containsExactly(marian.generate("The port reopened.").outputIds());
        assertThat(marian.tokenize("Hi.", "xx")).containsExactly(marian.tokenize("Hi."));
    }

    @Test
    void emptyTextGivesSpecialTokensOnlyAndGenerates() {
        assertThat(marian.tokenize("")).containsExactly(0L); // </s>
        assertThat(bart.tokenize("")).containsExactly(0L, 2L); // <s> </s>
        Seq2SeqGenerator.Result r = marian.generate("");
        assertThat(r.outputIds()).isNotEmpty().startsWith(997);
        assertThat(bart.generate("").outputIds()).isNotEmpty().startsWith(2);
    }

    @Test
    void textOverThePositionLimitIsTruncatedNotFatal() {
        String longText = "word ".repeat(2000);
        long[] ids = marian.tokenize(longText);
        assertThat(ids).hasSize(64);
        assertThat(ids[63]).isEqualTo(0L); // </s> kept
        assertThat(marian.generate(longText).outputIds()).isNotEmpty();
        long[] bids = bart.tokenize(longText);
        assertThat(bids).hasSize(64);
        assertThat(bids[0]).isEqualTo(0L);
        assertThat(bids[63]).isEqualTo(2L);
        assertThat(bart.generate(List.of(longText), Map.of("num_beams", 2))
                        .get(0)
                        .outputIds())
                .isNotEmpty();
    }

    @Test
    void modelTruncatesOverlongIdsItself() {
        OnnxSeq2SeqModel m = marian.model();
        long[][] ids = new long[1][200];
        long[][] mask = new long[1][200];
        for (int i = 0; i < 200; i++) {
            ids[0][i] = 5L + i % 50;
            mask[0][i] = 1;
        }
        int[][] out = Generation.generate(m, ids, mask, m.generationConfig().setNumBeams(1));
        assertThat(out[0]).isNotEmpty();
    }

    @Test
    void unknownCharactersBecomeUnk() {
        long[] ids = marian.tokenize("\u4e2d\u6587 \ud83d\ude00 \u0b85");
        assertThat(ids).contains(1L); // <unk>
        assertThat(marian.generate("\u4e2d\u6587 \ud83d\ude00").outputIds()).isNotEmpty();
        assertThat(bart.generate("\u4e2d\u6587 \ud83d\ude00").outputIds()).isNotEmpty();
    }

    @Test
    void batchOfMixedLengthsMatchesPadding() {
        List<Seq2SeqGenerator.Result> r = marian.generate(
                List.of("a", "a much longer sentence than the first one", ""),
                Map.of("num_beams", 2, "max_new_tokens", 5));
        assertThat(r).hasSize(3);
        r.forEach(x -> assertThat(x.outputIds().length).isBetween(2, 6));
    }

    static Path copyModel(Path tmp, String name) throws IOException {
        Path src = ParityTest.modelsDir().resolve(name);
        Path dst = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }

    @Test
    void missingGraphFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Path dir = copyModel(tmp, "tiny-marian-en-uk");
        Path enc = dir.resolve("onnx/encoder_model.onnx");
        Files.delete(enc);
        assertThatThrownBy(() ->
                        OnnxSeq2SeqModel.load(dir, OnnxModelOptions.defaults().withVariant(Variant.FP32)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("encoder_model.onnx")
                .satisfies(e -> assertThat(((ModelLoadException) e).getFile()).isEqualTo(enc));
    }

    @Test
    void corruptGraphFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Path dir = copyModel(tmp, "tiny-bart");
        Path dec = dir.resolve("onnx/decoder_with_past_model_quantized.onnx");
        Files.write(dec, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> OnnxSeq2SeqModel.load(
                        dir,
                        OnnxModelOptions.defaults()
                                .withVariant(Variant.QUANTIZED)
                                .withLayout(DecoderLayout.SPLIT)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("decoder_with_past_model_quantized.onnx");
    }

    @Test
    void missingOrCorruptConfigOrTokenizerFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Path dir = copyModel(tmp, "tiny-marian-uk-en");
        Files.writeString(dir.resolve("config.json"), "{not json");
        assertThatThrownBy(() -> OnnxSeq2SeqModel.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json");
        Files.delete(dir.resolve("config.json"));
        assertThatThrownBy(() -> OnnxSeq2SeqModel.load(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json");
        Path dir2 = copyModel(tmp.resolve("b"), "tiny-marian-uk-en");
        Files.writeString(dir2.resolve("source.spm"), "garbage");
        assertThatThrownBy(() -> Seq2SeqGenerator.load(dir2))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("Corrupt SentencePiece model: " + dir2.resolve("source.spm"));
        // Without its SentencePiece files a Marian folder falls back to tokenizer.json.
        Files.delete(dir2.resolve("source.spm"));
        Seq2SeqGenerator.load(dir2).close();
        Files.delete(dir2.resolve("tokenizer.json"));
        assertThatThrownBy(() -> Seq2SeqGenerator.load(dir2))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("tokenizer.json");
        Files.writeString(dir2.resolve("tokenizer.json"), "garbage");
        assertThatThrownBy(() -> Seq2SeqGenerator.load(dir2))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("tokenizer.json");
        assertThatThrownBy(() -> OnnxSeq2SeqModel.load(tmp.resolve("nope")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void theDefaultIsFp32ThoughQuantizedIsThereAndMergedWherePresent() {
        try (OnnxSeq2SeqModel m = OnnxSeq2SeqModel.load(ParityTest.modelsDir().resolve("tiny-bart"))) {
            assertThat(m.variant()).isEqualTo(Variant.FP32);
            assertThat(m.layout()).isEqualTo(DecoderLayout.MERGED);
            assertThat(m.architecture()).isEqualTo("bart");
        }
    }

    @Test
    void concurrentCallsShareTheModelSafely() throws Exception {
        List<String> texts = List.of("Things are really taking off!", "We are determined to do all we can.");
        List<Seq2SeqGenerator.Result> ref = bart.generate(texts);
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Seq2SeqGenerator.Result>>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fs.add(pool.submit(() -> bart.generate(texts)));
            }
            for (var f : fs) {
                List<Seq2SeqGenerator.Result> r = f.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(r.get(i).outputIds()).containsExactly(ref.get(i).outputIds());
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
