package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.inference.onnx.OnnxVariant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Token-for-token parity with transformers' generate() for every case recorded in the fixture
 * models' expected.json, for both decoder layouts (merged, split) and both variants.
 */
public class ParityTest {

    static final List<String> MODELS = List.of("tiny-marian-en-uk", "tiny-marian-uk-en", "tiny-bart", "tiny-nllb");
    private static final Map<String, OnnxSeq2SeqModel> CACHE = new HashMap<>();

    static Path modelsDir() {
        try {
            return Paths.get(ParityTest.class.getResource("/models").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized OnnxSeq2SeqModel model(String name, OnnxVariant v, DecoderLayout l) {
        return CACHE.computeIfAbsent(name + "/" + v + "/" + l,
                k -> OnnxSeq2SeqModel.load(modelsDir().resolve(name), OnnxModelOptions.defaults().withVariant(v).withLayout(l).withIntraOpThreads(1)));
    }

    /** Model loaded without the decoder's key/value cache (decoder_model.onnx over the whole prefix). */
    static synchronized OnnxSeq2SeqModel modelWithoutCache(String name, OnnxVariant v) {
        return CACHE.computeIfAbsent(name + "/" + v + "/nocache",
                k -> OnnxSeq2SeqModel.load(modelsDir().resolve(name),
                        OnnxModelOptions.defaults().withVariant(v).withCache(false).withIntraOpThreads(1)));
    }

    @AfterAll
    static void closeModels() {
        CACHE.values().forEach(OnnxSeq2SeqModel::close);
        CACHE.clear();
    }

    @TestFactory
    Stream<DynamicNode> parity() throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        List<String> names;
        try (Stream<Path> dirs = Files.list(modelsDir())) {
            names = dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
        for (String name : names) { // every fixture folder with an expected.json (tiny-marian-*, tiny-bart, later ones)
            Path dir = modelsDir().resolve(name);
            File expected = dir.resolve("expected.json").toFile();
            if (!expected.isFile()) {
                continue;
            }
            JsonNode root = mapper.readTree(expected);
            String version = root.path("versions").path("transformers").asString(null);
            BeamSearch.LengthConvention conv = BeamSearch.LengthConvention.forTransformersVersion(version);
            for (DecoderLayout layout : DecoderLayout.values()) {
                List<DynamicNode> tests = new ArrayList<>();
                for (JsonNode c : root.get("cases")) {
                    OnnxVariant variant = OnnxVariant.parse(c.get("variant").asString());
                    String display = c.get("name").asString() + " [" + variant + "]";
                    tests.add(DynamicTest.dynamicTest(display, () -> runCase(name, dir, c, variant, layout, conv)));
                }
                nodes.add(DynamicContainer.dynamicContainer(name + " " + layout, tests));
            }
        }
        return nodes.stream();
    }

    /** The model whose fixture cases are also run without the cache. */
    static final String NO_CACHE_MODEL = "tiny-marian-en-uk";

    /**
     * Without the cache (transformers' use_cache=False): every fixture case of one model, greedy and
     * beam, gives the same tokens as the cached run (checked against both the cached run and
     * transformers' recorded output). fp32 cases only: the quantized graphs quantize activations
     * dynamically (DynamicQuantizeLinear takes its scale from the whole input tensor), so feeding the
     * whole prefix instead of one position changes the numbers and, on this tiny model, the tokens.
     */
    @TestFactory
    Stream<DynamicNode> parityWithoutCache() throws Exception {
        Path dir = modelsDir().resolve(NO_CACHE_MODEL);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        BeamSearch.LengthConvention conv = BeamSearch.LengthConvention.forTransformersVersion(
                root.path("versions").path("transformers").asString(null));
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            OnnxVariant variant = OnnxVariant.parse(c.get("variant").asString());
            if (variant != OnnxVariant.FP32) {
                continue;
            }
            String display = c.get("name").asString() + " [" + variant + "]";
            tests.add(DynamicTest.dynamicTest(display, () -> {
                OnnxSeq2SeqModel noCache = modelWithoutCache(NO_CACHE_MODEL, variant);
                assertThat(noCache.usesCache()).isFalse();
                List<int[]> uncached = runCase(NO_CACHE_MODEL, noCache, c, conv);
                List<int[]> cached = runCase(NO_CACHE_MODEL, model(NO_CACHE_MODEL, variant, DecoderLayout.SPLIT), c, conv);
                assertThat(uncached).as("no cache == cache").hasSameSizeAs(cached);
                for (int i = 0; i < cached.size(); i++) {
                    assertThat(uncached.get(i)).as("row %d, no cache vs cache", i).containsExactly(cached.get(i));
                }
            }));
        }
        return Stream.of(DynamicContainer.dynamicContainer(NO_CACHE_MODEL + " no cache", tests));
    }

    static long[][][] pad(List<long[]> rows, long pad) {
        int len = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        long[][] ids = new long[rows.size()][len];
        long[][] mask = new long[rows.size()][len];
        for (int i = 0; i < rows.size(); i++) {
            long[] r = rows.get(i);
            for (int j = 0; j < len; j++) {
                ids[i][j] = j < r.length ? r[j] : pad;
                mask[i][j] = j < r.length ? 1 : 0;
            }
        }
        return new long[][][] {ids, mask};
    }

    public static Map<String, Object> settings(JsonNode s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.properties()) {
            JsonNode v = e.getValue();
            Object o;
            if (v.isNull()) {
                o = null;
            } else if (v.isBoolean()) {
                o = v.booleanValue();
            } else if (v.isIntegralNumber()) {
                o = v.longValue();
            } else if (v.isNumber()) {
                o = v.doubleValue();
            } else if (v.isString()) {
                o = v.stringValue();
            } else if (v.isArray()) {
                List<Object> list = new ArrayList<>();
                for (JsonNode x : v) {
                    if (x.isArray()) {
                        List<Object> inner = new ArrayList<>();
                        x.forEach(y -> inner.add(y.longValue()));
                        list.add(inner);
                    } else {
                        list.add(x.longValue());
                    }
                }
                o = list;
            } else {
                throw new IllegalArgumentException("setting " + e.getKey());
            }
            m.put(e.getKey(), o);
        }
        return m;
    }

    static void runCase(String name, Path dir, JsonNode c, OnnxVariant variant, DecoderLayout layout,
            BeamSearch.LengthConvention conv) {
        if (c.has("src_lang")) {
            checkLanguageFields(dir, c);
        }
        runCase(name, model(name, variant, layout), c, conv);
    }

    /** Language token ids (special added tokens) of a model's tokenizer.json. */
    static Map<String, Long> addedTokenIds(Path dir) {
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode t : new ObjectMapper().readTree(dir.resolve("tokenizer.json").toFile()).get("added_tokens")) {
            ids.put(t.get("content").asString(), t.get("id").longValue());
        }
        return ids;
    }

    /**
     * Multilingual (NLLB) cases: every input starts with the src_lang token and ends with </s>
     * (modern NLLB, legacy_behaviour false), and forced_bos_token_id is the tgt_lang token.
     */
    static void checkLanguageFields(Path dir, JsonNode c) {
        Map<String, Long> ids = addedTokenIds(dir);
        Long src = ids.get(c.get("src_lang").asString());
        Long tgt = ids.get(c.get("tgt_lang").asString());
        assertThat(src).as("src_lang token").isNotNull();
        assertThat(tgt).as("tgt_lang token").isNotNull();
        assertThat(c.get("settings").get("forced_bos_token_id").longValue()).as("forced_bos_token_id").isEqualTo(tgt);
        for (JsonNode row : c.get("input_ids")) {
            assertThat(row.get(0).longValue()).as("first input token").isEqualTo(src);
            assertThat(row.get(row.size() - 1).longValue()).as("last input token").isEqualTo(ids.get("</s>"));
        }
        for (JsonNode row : c.get("output_ids")) {
            assertThat(row.get(1).longValue()).as("first generated token").isEqualTo(tgt);
        }
    }

    /** Runs one fixture case on the model, asserts transformers' output and returns the rows. */
    static List<int[]> runCase(String name, OnnxSeq2SeqModel model, JsonNode c, BeamSearch.LengthConvention conv) {
        GenerationConfig cfg = model.generationConfig().override(settings(c.get("settings")));
        List<long[]> inputs = new ArrayList<>();
        for (JsonNode row : c.get("input_ids")) {
            long[] r = new long[row.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = row.get(i).longValue();
            }
            inputs.add(r);
        }
        List<int[]> expected = new ArrayList<>();
        for (JsonNode row : c.get("output_ids")) {
            int[] r = new int[row.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = row.get(i).intValue();
            }
            expected.add(r);
        }
        boolean batched = c.path("batched").asBoolean(false);
        List<int[]> actual = new ArrayList<>();
        if (batched) {
            long[][][] p = pad(inputs, cfg.resolvePadTokenId());
            for (int[] r : Generation.generate(model, p[0], p[1], cfg, conv)) {
                actual.add(r);
            }
        } else {
            for (long[] in : inputs) {
                long[][][] p = pad(List.of(in), cfg.resolvePadTokenId());
                actual.add(Generation.generate(model, p[0], p[1], cfg, conv)[0]);
            }
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("%s %s row %d", name, c.get("name").asString(), i).containsExactly(expected.get(i));
        }
        return actual;
    }
}
