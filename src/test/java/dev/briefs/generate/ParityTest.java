package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Token-for-token parity with transformers' generate() for every case recorded in the fixture
 * models' expected.json, for both decoder layouts (merged, split) and both variants.
 */
public class ParityTest {

    static final List<String> MODELS =
            List.of("tiny-marian-en-uk", "tiny-marian-uk-en", "tiny-bart", "tiny-bart-1024", "tiny-nllb");

    /**
     * Every fixture folder and its number of cases (fp32 + quantized; tiny-marian-q4: fp32 + q4). The parity run reads exactly
     * these, so a deleted folder, expected.json or case turns the build red instead of shrinking the
     * run; a new fixture must be added here.
     */
    static final Map<String, Integer> EXPECTED_CASES = orderedMap(
            "tiny-bart", 34,
            "tiny-bart-1024", 14,
            "tiny-marian-en-uk", 34,
            "tiny-marian-q4", 34,
            "tiny-marian-ties", 10,
            "tiny-marian-uk-en", 34,
            "tiny-nllb", 68);

    static final int EXPECTED_TOTAL_CASES = 228;

    /**
     * Rows whose recorded PyTorch generate() output differs from ORT's (fp32 rounding flipping a
     * near-tie), per model. They are kept in the fixtures with ORT's output as the reference, so the
     * run must reach them and match ORT there, not PyTorch.
     */
    static final Map<String, Integer> EXPECTED_TORCH_DIFFERING_ROWS = orderedMap("tiny-marian-ties", 2);

    /** "model/case [variant]/layout/row" of every torch-differing row the parity run matched to ORT. */
    private static final Set<String> TORCH_DIFFERING_ROWS_RUN = ConcurrentHashMap.newKeySet();

    private static final Map<String, OnnxSeq2SeqModel> CACHE = new HashMap<>();

    /** The fixture whose ties are exact by construction (make_tie_models.py). */
    static final String TIE_MODEL = "tiny-marian-ties";

    /** Rows compared only up to a near-tie (NearTies), printed after the run so that a reader sees them. */
    private static final Set<String> NEAR_TIE_ROWS = new ConcurrentSkipListSet<>();

    static Path modelsDir() {
        try {
            return Paths.get(ParityTest.class.getResource("/models").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized OnnxSeq2SeqModel model(String name, Variant v, DecoderLayout l) {
        return CACHE.computeIfAbsent(
                name + "/" + v + "/" + l,
                k -> OnnxSeq2SeqModel.load(
                        modelsDir().resolve(name),
                        OnnxModelOptions.defaults().withVariant(v).withLayout(l).withIntraOpThreads(1)));
    }

    /** Model loaded without the decoder's key/value cache (decoder_model.onnx over the whole prefix). */
    static synchronized OnnxSeq2SeqModel modelWithoutCache(String name, Variant v) {
        return CACHE.computeIfAbsent(
                name + "/" + v + "/nocache",
                k -> OnnxSeq2SeqModel.load(
                        modelsDir().resolve(name),
                        OnnxModelOptions.defaults()
                                .withVariant(v)
                                .withCache(false)
                                .withIntraOpThreads(1)));
    }

    private static Map<String, Integer> orderedMap(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    static JsonNode expected(String name) {
        return new ObjectMapper()
                .readTree(modelsDir().resolve(name).resolve("expected.json").toFile());
    }

    /**
     * The generation fixture folders on disk (those with generation settings; the embedding
     * fixtures are checked by their own tests) are exactly the expected ones, with the expected
     * number of cases.
     */
    @Test
    void fixtureInventoryIsComplete() throws Exception {
        List<String> onDisk;
        try (Stream<Path> dirs = Files.list(modelsDir())) {
            onDisk = dirs.filter(Files::isDirectory)
                    .filter(d -> Files.exists(d.resolve("generation_config.json")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(onDisk).as("fixture folders").containsExactlyElementsOf(EXPECTED_CASES.keySet());
        int total = 0;
        int torchRows = 0;
        for (Map.Entry<String, Integer> e : EXPECTED_CASES.entrySet()) {
            JsonNode root = expected(e.getKey());
            JsonNode cases = root.get("cases");
            assertThat(cases.size()).as("%s cases", e.getKey()).isEqualTo(e.getValue());
            long fp32 = 0;
            int differing = 0;
            for (JsonNode c : cases) {
                assertThat(c.get("output_ids").size())
                        .as("%s %s rows", e.getKey(), c.get("name").asString())
                        .isEqualTo(c.get("input_ids").size())
                        .isPositive();
                fp32 += "fp32".equals(c.get("variant").asString()) ? 1 : 0;
                if (c.has("torch_differs_rows")) {
                    differing += c.get("torch_differs_rows").size();
                }
            }
            assertThat(fp32 * 2)
                    .as("%s: every case in both variants", e.getKey())
                    .isEqualTo(cases.size());
            assertThat(differing)
                    .as("%s torch-differing rows", e.getKey())
                    .isEqualTo(EXPECTED_TORCH_DIFFERING_ROWS.getOrDefault(e.getKey(), 0))
                    .isEqualTo(root.path("torch_disagreements")
                            .path("fp32")
                            .path("rows")
                            .asInt(-1));
            total += cases.size();
            torchRows += differing;
        }
        assertThat(total).as("total cases").isEqualTo(EXPECTED_TOTAL_CASES);
        assertThat(torchRows)
                .as("fixtures hide no PyTorch disagreement: rows kept with ORT's reference")
                .isPositive();
    }

    @AfterAll
    static void printNearTies() {
        if (!NEAR_TIE_ROWS.isEmpty()) {
            System.out.println("ParityTest: " + NEAR_TIE_ROWS.size() + " rows on a near-tie within the float32 bound,"
                    + " compared up to it:");
            NEAR_TIE_ROWS.forEach(r -> System.out.println("  " + r));
        }
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
        int expectedTorchRuns = 0;
        for (String name : EXPECTED_CASES.keySet()) { // a missing folder or expected.json fails here
            Path dir = modelsDir().resolve(name);
            File expected = dir.resolve("expected.json").toFile();
            JsonNode root = mapper.readTree(expected);
            String version = root.path("versions").path("transformers").asString(null);
            BeamSearch.LengthConvention conv = BeamSearch.LengthConvention.forTransformersVersion(version);
            for (DecoderLayout layout : DecoderLayout.values()) {
                List<DynamicNode> tests = new ArrayList<>();
                for (JsonNode c : root.get("cases")) {
                    Variant variant = Variant.parse(c.get("variant").asString());
                    String display = c.get("name").asString() + " [" + variant + "]";
                    tests.add(DynamicTest.dynamicTest(display, () -> runCase(name, dir, c, variant, layout, conv)));
                }
                nodes.add(DynamicContainer.dynamicContainer(name + " " + layout, tests));
                for (JsonNode c : root.get("cases")) {
                    expectedTorchRuns += c.path("torch_differs_rows").size();
                }
            }
        }
        int torchRuns = expectedTorchRuns;
        // dynamic tests run in stream order, so this one sees every case above already run
        nodes.add(DynamicTest.dynamicTest(
                "rows where PyTorch differs were run and matched ORT",
                () -> assertThat(TORCH_DIFFERING_ROWS_RUN)
                        .as("torch-differing rows matched to ORT's output, both layouts")
                        .hasSize(torchRuns)
                        .hasSizeGreaterThan(0)));
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
            Variant variant = Variant.parse(c.get("variant").asString());
            if (variant != Variant.FP32) {
                continue;
            }
            String display = c.get("name").asString() + " [" + variant + "]";
            tests.add(DynamicTest.dynamicTest(display, () -> {
                OnnxSeq2SeqModel noCache = modelWithoutCache(NO_CACHE_MODEL, variant);
                assertThat(noCache.usesCache()).isFalse();
                List<int[]> uncached = runCase(NO_CACHE_MODEL, noCache, c, conv);
                List<int[]> cached =
                        runCase(NO_CACHE_MODEL, model(NO_CACHE_MODEL, variant, DecoderLayout.SPLIT), c, conv);
                assertThat(uncached).as("no cache == cache").hasSameSizeAs(cached);
                for (int i = 0; i < cached.size(); i++) {
                    assertThat(uncached.get(i))
                            .as("row %d, no cache vs cache", i)
                            .containsExactly(cached.get(i));
                }
            }));
        }
        return Stream.of(DynamicContainer.dynamicContainer(NO_CACHE_MODEL + " no cache", tests));
    }

    /** A recorded case's inputs, unpadded, with the special tokens the tokenizer added. */
    static List<long[]> inputIds(JsonNode recordedCase) {
        List<long[]> inputs = new ArrayList<>();
        for (JsonNode row : recordedCase.get("input_ids")) {
            long[] r = new long[row.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = row.get(i).longValue();
            }
            inputs.add(r);
        }
        return inputs;
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
            m.put(e.getKey(), value(e.getKey(), e.getValue()));
        }
        return m;
    }

    /** A JSON value as generate() keyword arguments hold it: lists (nested as deep as force_words_ids) of numbers. */
    static Object value(String key, JsonNode v) {
        if (v.isNull()) {
            return null;
        } else if (v.isBoolean()) {
            return v.booleanValue();
        } else if (v.isIntegralNumber()) {
            return v.longValue();
        } else if (v.isNumber()) {
            return v.doubleValue();
        } else if (v.isString()) {
            return v.stringValue();
        } else if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(value(key, x)));
            return list;
        }
        throw new IllegalArgumentException("setting " + key);
    }

    static void runCase(
            String name,
            Path dir,
            JsonNode c,
            Variant variant,
            DecoderLayout layout,
            BeamSearch.LengthConvention conv) {
        if (c.has("src_lang")) {
            checkLanguageFields(dir, c);
        }
        // The tie fixture's ties are exact (equal computations on every CPU): all its rows are compared whole.
        int[] stable = TIE_MODEL.equals(name) ? null : NearTies.stablePrefixes(name, c);
        List<int[]> actual = runCase(name, model(name, variant, layout), c, conv, stable);
        JsonNode torchOut = c.get("torch_output_ids");
        for (JsonNode row : c.path("torch_differs_rows")) {
            int i = row.intValue();
            int[] torch = new int[torchOut.get(i).size()];
            for (int j = 0; j < torch.length; j++) {
                torch[j] = torchOut.get(i).get(j).intValue();
            }
            // the recorded PyTorch row really differs, and the engine (already equal to ORT's) is not PyTorch's
            assertThat(actual.get(i))
                    .as("%s %s row %d vs PyTorch", name, c.get("name").asString(), i)
                    .isNotEqualTo(torch);
            TORCH_DIFFERING_ROWS_RUN.add(
                    name + "/" + c.get("name").asString() + " [" + variant + "]/" + layout + "/" + i);
        }
    }

    /** Language token ids (special added tokens) of a model's tokenizer.json. */
    static Map<String, Long> addedTokenIds(Path dir) {
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode t : new ObjectMapper()
                .readTree(dir.resolve("tokenizer.json").toFile())
                .get("added_tokens")) {
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
        assertThat(c.get("settings").get("forced_bos_token_id").longValue())
                .as("forced_bos_token_id")
                .isEqualTo(tgt);
        for (JsonNode row : c.get("input_ids")) {
            assertThat(row.get(0).longValue()).as("first input token").isEqualTo(src);
            assertThat(row.get(row.size() - 1).longValue())
                    .as("last input token")
                    .isEqualTo(ids.get("</s>"));
        }
        for (JsonNode row : c.get("output_ids")) {
            assertThat(row.get(1).longValue()).as("first generated token").isEqualTo(tgt);
        }
    }

    /** Runs one fixture case on the model, asserts transformers' output, every row whole, and returns the rows. */
    static List<int[]> runCase(String name, OnnxSeq2SeqModel model, JsonNode c, BeamSearch.LengthConvention conv) {
        return runCase(name, model, c, conv, null);
    }

    /**
     * Runs one fixture case on the model, asserts transformers' output and returns the rows: each row
     * whole, or where {@code stablePrefixes} says a row sits on a near-tie (NearTies), its stable prefix.
     */
    static List<int[]> runCase(
            String name, OnnxSeq2SeqModel model, JsonNode c, BeamSearch.LengthConvention conv, int[] stablePrefixes) {
        GenerationConfig cfg = model.generationConfig().override(settings(c.get("settings")));
        List<long[]> inputs = inputIds(c);
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
        assertThat(actual).as("%s %s rows", name, c.get("name").asString()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String what = name + " " + c.get("name").asString() + " ["
                    + c.get("variant").asString() + "] row " + i;
            int stable = stablePrefixes == null ? expected.get(i).length : stablePrefixes[i];
            if (stable == expected.get(i).length) {
                assertThat(actual.get(i)).as(what).containsExactly(expected.get(i));
            } else {
                assertThat(actual.get(i))
                        .as("%s, its %d stable tokens", what, stable)
                        .startsWith(Arrays.copyOf(expected.get(i), stable));
                NEAR_TIE_ROWS.add(what + ": stable for " + stable + " of " + expected.get(i).length + " tokens");
            }
        }
        return actual;
    }
}
