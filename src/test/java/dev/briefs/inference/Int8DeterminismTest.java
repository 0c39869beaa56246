package dev.briefs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.generate.Generation;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.ScoredSequence;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18: a graph, an input and the session settings decide the output, bit for bit. An int8 NLLB graph
 * (per-channel, reduce_range, as the hub's {@code _quantized} files) gave other translations run after run
 * on an AVX-512 VNNI / AMX Xeon, with ONNX Runtime's integer kernels split over the intra-op threads; the
 * engine now runs every int8 graph on one intra-op thread, sequentially, whatever the job file asks.
 *
 * <p>Each run loads the model afresh (new ONNX Runtime sessions) as {@code translate} and the night do, and
 * writes a transcript of every output's token ids, its per-token scores and its mean log-probability as bit
 * patterns. {@code nllb-int8-d256} is large enough that ONNX Runtime splits its int8 products across threads
 * (see {@code tools/fixtures/make_int8_threads_fixture.py}). The run-to-run comparison is what this test
 * is for, so it compares the engine with itself, bit for bit; the fixture's Python references (ONNX Runtime
 * at one thread, on the AMD EPYC that recorded them) are not compared token for token, since an int8 graph's
 * activations may round to the next step on another CPU (docs/testing.md).
 */
class Int8DeterminismTest {

    static final Path INT8_FIXTURE = Path.of("src/test/resources/determinism/nllb-int8-d256");
    static final Path TINY_NLLB = TinyModels.FIXTURES.resolve("tiny-nllb");
    static final int RUNS = 5;

    /** What the int8 graphs get, whatever the job file says about threads. */
    static final OrtSessionSettings INT8 = new OrtSessionSettings(1, 1, null, true);

    @TempDir
    Path tmp;

    /** A generation case: its settings (transformers' names) and its inputs. */
    record Case(String name, Map<String, Object> settings, List<Input> inputs, List<int[]> expected) {}

    record Input(String text, String from, String to) {}

    @Test
    void int8GraphsRunOnOneIntraOpThreadWhateverIsAsked() throws IOException {
        List<String> fingerprints = new ArrayList<>();
        for (OrtSessionSettings asked : List.of(
                OrtSessionSettings.DEFAULTS,
                nightOnnx("intra-op-threads: 2"),
                nightOnnx("intra-op-threads: 4\n  inter-op-threads: 2"))) {
            OnnxModelOptions options =
                    OnnxModelOptions.defaults().withVariant(Variant.QUANTIZED).withSession(asked);
            try (Seq2SeqGenerator g = Seq2SeqGenerator.load(INT8_FIXTURE, options)) {
                assertThat(g.model().variant()).isEqualTo(Variant.QUANTIZED);
                assertThat(g.model().sessionSettings()).as("asked %s", asked).isEqualTo(INT8);
                assertThat(g.model().sessionSettings().djlOptions())
                        .containsExactlyInAnyOrderEntriesOf(Map.of(
                                "intraOpNumThreads", "1", "interOpNumThreads", "1", "executionMode", "SEQUENTIAL"));
                fingerprints.add(g.settingsFingerprint());
                // Where the settings asked for are printed (bench, and the whole-night benchmark NightBench), the int8
                // pin is said.
                assertThat(asked.describe()).endsWith("; int8 graphs: intra-op 1, inter-op 1");
                assertThat(g.model().sessionSettings().describeAsRun())
                        .isEqualTo("intra-op 1, inter-op 1, optimisation default (all), arena on");
            }
        }
        // The output cache's key holds the settings the graphs ran with: the same for every thread setting.
        assertThat(fingerprints)
                .allSatisfy(f -> assertThat(f).contains("intraOpThreads=1, interOpThreads=1"))
                .containsOnly(fingerprints.get(0));
        // The bundled sentence-embedding graph is int8 too.
        assertThat(SentenceEmbeddingModel.SESSION).isEqualTo(INT8);
    }

    @Test
    void fp32GraphsRunWithTheThreadsAsked() throws IOException {
        OrtSessionSettings two = nightOnnx("intra-op-threads: 2");
        OrtSessionSettings four = nightOnnx("intra-op-threads: 4");
        OnnxModelOptions fp32 = OnnxModelOptions.defaults().withVariant(Variant.FP32);
        try (Seq2SeqGenerator a = Seq2SeqGenerator.load(TINY_NLLB, fp32.withSession(two));
                Seq2SeqGenerator b = Seq2SeqGenerator.load(TINY_NLLB, fp32.withSession(four))) {
            assertThat(a.model().sessionSettings()).isEqualTo(two);
            assertThat(b.model().sessionSettings()).isEqualTo(four);
            assertThat(a.model().sessionSettings().djlOptions())
                    .containsEntry("intraOpNumThreads", "2")
                    .containsEntry("executionMode", "SEQUENTIAL");
            // Thread counts can change how fp32 sums round, so they are part of the output cache's key.
            assertThat(a.settingsFingerprint()).isNotEqualTo(b.settingsFingerprint());
        }
    }

    /**
     * {@code translate}'s settings (ONNX Runtime's defaults) and two job files' {@code onnx} blocks: five
     * fresh loads each, and every transcript the same as the first.
     */
    @Test
    void int8OutputsAreTheSameRunAfterRunAndWhateverTheThreadSetting() throws IOException {
        List<Case> cases = recordedCases(INT8_FIXTURE);
        List<String> first = null;
        for (OrtSessionSettings asked : List.of(
                OrtSessionSettings.DEFAULTS, nightOnnx("intra-op-threads: 2"), nightOnnx("intra-op-threads: 4"))) {
            OnnxModelOptions options =
                    OnnxModelOptions.defaults().withVariant(Variant.QUANTIZED).withSession(asked);
            for (int run = 0; run < RUNS; run++) {
                List<String> transcript = transcript(INT8_FIXTURE, options, cases);
                if (first == null) {
                    first = transcript;
                }
                assertThat(transcript)
                        .as("run %d with %s", run + 1, asked.describe())
                        .containsExactlyElementsOf(first);
            }
        }
    }

    /** The night's path: the models folder, the job file's {@code onnx} block, the default (greedy) settings. */
    @Test
    void theNightsInt8OutputsAreTheSameRunAfterRun() throws IOException {
        List<Input> inputs = recordedCases(INT8_FIXTURE).get(0).inputs();
        OnnxModelOptions options = OnnxModelOptions.defaults()
                .withVariant(Variant.QUANTIZED)
                .withSession(nightOnnx("intra-op-threads: 2"));
        List<String> first = null;
        for (int run = 0; run < RUNS; run++) {
            List<String> transcript = new ArrayList<>();
            try (GenerationModels models =
                    new GenerationModels(INT8_FIXTURE.getParent(), ModelDecorator.NONE, options)) {
                TextGenerator model = models.get(INT8_FIXTURE.getFileName().toString());
                for (Input in : inputs) {
                    Seq2SeqGenerator.Result r = model.generate(in.text(), in.from(), in.to());
                    transcript.add(Arrays.toString(r.outputIds()) + " mean "
                            + Long.toHexString(Double.doubleToRawLongBits(r.meanLogProb())));
                }
            }
            if (first == null) {
                first = transcript;
            }
            assertThat(transcript).as("run %d", run + 1).containsExactlyElementsOf(first);
        }
    }

    /** tiny-nllb's int8 and fp32 graphs, five fresh loads each with ONNX Runtime's defaults, as {@code translate}. */
    @Test
    void tinyNllbOutputsAreTheSameRunAfterRun() throws IOException {
        List<Case> cases = tinyNllbCases();
        for (Variant variant : List.of(Variant.QUANTIZED, Variant.FP32)) {
            OnnxModelOptions options = OnnxModelOptions.defaults().withVariant(variant);
            List<String> first = transcript(TINY_NLLB, options, cases);
            assertThat(first).hasSize(2 * cases.get(0).inputs().size());
            for (int run = 1; run < RUNS; run++) {
                assertThat(transcript(TINY_NLLB, options, cases))
                        .as("%s run %d", variant, run + 1)
                        .containsExactlyElementsOf(first);
            }
        }
    }

    /**
     * One fresh load of the model, every case's inputs one per call (as the job runs int8 graphs): the output
     * ids and mean log-probability {@code translate} gets, and the per-token scores of the same generation.
     */
    private static List<String> transcript(Path dir, OnnxModelOptions options, List<Case> cases) {
        List<String> lines = new ArrayList<>();
        try (Seq2SeqGenerator g = Seq2SeqGenerator.load(dir, options)) {
            for (Case c : cases) {
                for (int i = 0; i < c.inputs().size(); i++) {
                    Input in = c.inputs().get(i);
                    Seq2SeqGenerator.Result r = g.generate(List.of(in.text()), in.from(), in.to(), c.settings())
                            .get(0);
                    long[] ids = g.tokenize(in.text(), in.from());
                    long[][] mask = {new long[ids.length]};
                    Arrays.fill(mask[0], 1);
                    GenerationConfig config = g.defaultConfig()
                            .override(c.settings())
                            .setForcedBosTokenId((int) g.languageTokenId(in.to()));
                    ScoredSequence scored = Generation.generateScored(g.model(), new long[][] {ids}, mask, config)[0];
                    assertThat(scored.tokens())
                            .as("%s row %d: scored run", c.name(), i)
                            .containsExactly(r.outputIds());
                    StringBuilder line = new StringBuilder(c.name())
                            .append(' ')
                            .append(Arrays.toString(r.outputIds()))
                            .append(" mean ")
                            .append(Long.toHexString(Double.doubleToRawLongBits(r.meanLogProb())))
                            .append(" scores");
                    for (float s : scored.tokenScores()) {
                        line.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(s)));
                    }
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }

    /** The {@code onnx} block of a job file, read as the night reads it. */
    private OrtSessionSettings nightOnnx(String block) throws IOException {
        Path root = Files.createTempDirectory(tmp, "job");
        Path job = TestJobs.write(root, "onnx:\n  " + block + "\n");
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.of(2026, 11, 20), null, null)
                .onnx();
    }

    private static List<Case> recordedCases(Path dir) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            Map<String, Object> settings = new LinkedHashMap<>();
            c.get("settings")
                    .properties()
                    .forEach(e -> settings.put(e.getKey(), e.getValue().intValue()));
            List<Input> inputs = new ArrayList<>();
            for (JsonNode in : c.get("inputs")) {
                inputs.add(new Input(
                        in.get("text").asString(),
                        in.get("src_lang").asString(),
                        in.get("tgt_lang").asString()));
            }
            List<int[]> expected = new ArrayList<>();
            for (JsonNode row : c.get("output_ids")) {
                int[] ids = new int[row.size()];
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = row.get(k).intValue();
                }
                expected.add(ids);
            }
            cases.add(new Case(c.get("name").asString(), settings, inputs, expected));
        }
        assertThat(cases).extracting(Case::name).containsExactly("greedy", "beam4");
        assertThat(cases).allSatisfy(c -> assertThat(c.inputs()).hasSize(10).hasSameSizeAs(c.expected()));
        return cases;
    }

    /** The int8 fixture's inputs on tiny-nllb (its position limit, 64, holds them), greedy and beam 4. */
    private static List<Case> tinyNllbCases() throws IOException {
        List<Input> inputs = recordedCases(INT8_FIXTURE).get(0).inputs();
        return List.of(
                new Case("greedy", Map.of("num_beams", 1), inputs, List.of()),
                new Case("beam4", Map.of("num_beams", 4), inputs, List.of()));
    }
}
