package dev.briefs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TinyModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The q4 graphs (transformers.js's {@code _q4}: 4-bit weights in ONNX Runtime's {@code MatMulNBits}) run with
 * the threads asked, as fp32 graphs do, not pinned to one as int8 graphs are (docs/generation.md,
 * "Determinism"): their activations stay float32, so nothing is quantized per call, and their outputs were the
 * same bits at 1, 2 and 4 intra-op threads (here, and in Python on the full-size opus-mt-en-uk q4 decoder). Each
 * thread setting loads the model afresh, as {@code translate} and the night do, and its transcript (token ids
 * and the mean log-probability's bits, greedy and 4 beams) must equal the first. Token ids against ONNX
 * Runtime in Python on the same graphs are {@code ParityTest}'s {@code tiny-marian-q4} cases.
 */
class Q4DeterminismTest {

    static final Path Q4_FIXTURE = TinyModels.FIXTURES.resolve("tiny-marian-q4");

    static final List<String> TEXTS = List.of(
            "The port reopened on Thursday.",
            "The president said on Tuesday that 10,000 troops would stay in the region until the spring.",
            "Prices rose by 3.5% in March, the statistics office said.");

    @Test
    void q4OutputsAreTheSameBitsWhateverTheThreadSetting() {
        List<String> first = null;
        for (int threads : new int[] {1, 2, 4}) {
            OrtSessionSettings asked = OrtSessionSettings.DEFAULTS.withIntraOpThreads(threads);
            OnnxModelOptions options =
                    OnnxModelOptions.defaults().withVariant(Variant.Q4).withSession(asked);
            try (Seq2SeqGenerator g = Seq2SeqGenerator.load(Q4_FIXTURE, options)) {
                assertThat(g.model().variant()).isEqualTo(Variant.Q4);
                assertThat(g.model().sessionSettings())
                        .as("q4 runs with the threads asked")
                        .isEqualTo(asked);
                assertThat(g.rowsIndependent())
                        .as("a lone row and rows together differ")
                        .isFalse();
                List<String> transcript = new ArrayList<>();
                for (int beams : new int[] {1, 4}) {
                    for (String text : TEXTS) {
                        Seq2SeqGenerator.Result r = g.generate(List.of(text), Map.of("num_beams", beams))
                                .get(0);
                        assertThat(r.outputIds())
                                .as("%s, %d beams", text, beams)
                                .isNotEmpty();
                        transcript.add(beams + " " + Arrays.toString(r.outputIds()) + " "
                                + Long.toHexString(Double.doubleToRawLongBits(r.meanLogProb())));
                    }
                }
                if (first == null) {
                    first = transcript;
                } else {
                    assertThat(transcript)
                            .as("intra-op %d threads vs 1", threads)
                            .isEqualTo(first);
                }
            }
        }
    }
}
