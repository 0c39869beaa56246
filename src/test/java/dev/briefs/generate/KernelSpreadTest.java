package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.optimum.Variant;
import dev.briefs.support.LogitScale;
import dev.briefs.support.RoundingBound;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The reference tests do not depend on one CPU's kernels: the recorded cases run here again with
 * other kernels, and what moves stays inside the bound the reference tests allow.
 *
 * <p>Another CPU changes the order in which ONNX Runtime's kernels sum. Turning its graph
 * optimisations off changes more: no fused layer norm, attention or GELU, so other kernels, other
 * orders and other formulas for the same math. If the float32 scores of every recorded case stay
 * within {@link RoundingBound#logProb} of the optimised run, with the same tokens, the tolerance in
 * {@code TransitionScoresTest} holds for another CPU's kernels too. Asking for another thread count
 * must change nothing at all: a night's rerun may run with other threads (float32 graphs run with the
 * threads asked; int8 graphs on one thread whatever is asked, see {@code Int8DeterminismTest}).
 *
 * <p>int8 graphs are the exception to the first part, and by design: with the fusions off, an
 * activation is quantized by another kernel, and a value that rounds to the next int8 step moves a
 * score by up to 7e-2 (measured on an AMD EPYC), so the optimisation level is part of an output's settings
 * (the output cache's key has it) rather than something a rerun may change.
 */
class KernelSpreadTest {

    private static final OrtSessionSettings REFERENCE = new OrtSessionSettings(1, 1, "all", true);
    private static final OrtSessionSettings TWO_THREADS = new OrtSessionSettings(2, 1, "all", true);
    /**
     * Other kernels for the same sums: the fusions off, or the weights packed as each product runs rather than
     * pre-packed at load (with the arena off: memory settings of the job file's {@code onnx} block).
     */
    private static final List<OrtSessionSettings> UNFUSED = List.of(
            new OrtSessionSettings(1, 1, "none", true),
            new OrtSessionSettings(1, 1, "basic", true),
            new OrtSessionSettings(1, 1, "all", false, false));

    private static final List<String> MODELS = List.of("tiny-marian-en-uk", "tiny-marian-uk-en", "tiny-bart");

    @Test
    void float32ScoresWithTheFusionsOffStayInsideTheReferenceTestsBound() throws Exception {
        double worst = 0;
        int scores = 0;
        for (String name : MODELS) {
            RoundingBound bound = RoundingBound.seq2seq(ParityTest.modelsDir().resolve(name));
            List<Run> reference = runAll(name, Variant.FP32, REFERENCE);
            for (OrtSessionSettings other : UNFUSED) {
                List<Run> runs = runAll(name, Variant.FP32, other);
                for (int r = 0; r < reference.size(); r++) {
                    Run ref = reference.get(r);
                    Run got = runs.get(r);
                    String what = name + " " + ref.what + " with " + other.describeAsRun();
                    // Past a near-tie within the bound (NearTies) other kernels may continue otherwise.
                    int stable = Math.min(ref.stable, ref.sequence.tokens().length);
                    assertThat(got.sequence.tokens())
                            .as("%s: tokens", what)
                            .startsWith(Arrays.copyOf(ref.sequence.tokens(), stable));
                    if (stable == ref.sequence.tokens().length) {
                        assertThat(got.sequence.tokens()).as("%s: tokens", what).containsExactly(ref.sequence.tokens());
                    }
                    double tolerance = bound.logProb(Math.max(ref.logitScale, got.logitScale), ref.penalty);
                    for (int j = 0; j < stable - 1; j++) {
                        double d = Math.abs(
                                got.sequence.tokenScores()[j] - ref.sequence.tokenScores()[j]);
                        assertThat(d)
                                .as("%s: token %d's score moved by %.3g, the bound is %.3g", what, j, d, tolerance)
                                .isLessThanOrEqualTo(tolerance);
                        worst = Math.max(worst, d / tolerance);
                        scores++;
                    }
                }
            }
        }
        assertThat(scores).as("scores compared").isGreaterThan(1000);
        // Printed, so a reader sees how much of the bound the largest move used on this machine.
        System.out.printf(
                "KernelSpreadTest: %d float32 scores with the fusions off; the largest move is %.1f%% of its bound%n",
                scores, 100 * worst);
    }

    @Test
    void threadCountsChangeNoBitInEitherVariant() throws Exception {
        for (String name : MODELS) {
            for (Variant variant : List.of(Variant.FP32, Variant.QUANTIZED)) {
                List<Run> one = runAll(name, variant, REFERENCE);
                List<Run> two = runAll(name, variant, TWO_THREADS);
                assertThat(one).isNotEmpty();
                for (int r = 0; r < one.size(); r++) {
                    String what = name + " " + one.get(r).what + " [" + variant + "]";
                    assertThat(two.get(r).sequence.tokens())
                            .as("%s: tokens", what)
                            .containsExactly(one.get(r).sequence.tokens());
                    assertThat(two.get(r).sequence.tokenScores())
                            .as("%s: scores, bit for bit", what)
                            .containsExactly(one.get(r).sequence.tokenScores());
                }
            }
        }
    }

    /** One row of a recorded case as the engine generated it, with the largest |logit| it saw. */
    private record Run(String what, ScoredSequence sequence, double logitScale, double penalty, int stable) {}

    private static List<Run> runAll(String name, Variant variant, OrtSessionSettings session) throws Exception {
        JsonNode cases;
        try (InputStream in = KernelSpreadTest.class.getResourceAsStream("/confidence/transition-scores.json")) {
            cases = new ObjectMapper().readTree(in).get("models").get(name);
        }
        List<Run> runs = new ArrayList<>();
        try (OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(
                ParityTest.modelsDir().resolve(name),
                OnnxModelOptions.defaults()
                        .withVariant(variant)
                        .withLayout(DecoderLayout.MERGED)
                        .withSession(session))) {
            LogitScale observed = new LogitScale(model);
            for (JsonNode c : cases) {
                if (Variant.parse(c.get("variant").asString()) != variant) {
                    continue;
                }
                Map<String, Object> settings = ParityTest.settings(c.get("settings"));
                GenerationConfig cfg = model.generationConfig().override(settings);
                double penalty = settings.get("repetition_penalty") instanceof Number p ? p.doubleValue() : 1.0;
                int[] stable = NearTies.stablePrefixes(
                        name, c.get("name").asString(), c.get("variant").asString());
                List<long[]> inputs = ParityTest.inputIds(c);
                for (int row = 0; row < inputs.size(); row++) {
                    long[][][] p = ParityTest.pad(List.of(inputs.get(row)), cfg.resolvePadTokenId());
                    ScoredSequence s = Generation.generateScored(observed, p[0], p[1], cfg)[0];
                    runs.add(new Run(
                            c.get("name").asString() + " row " + row, s, observed.takeMax(), penalty, stable[row]));
                }
            }
        }
        return runs;
    }
}
