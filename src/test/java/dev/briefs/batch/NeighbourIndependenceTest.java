package dev.briefs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.generate.Seq2SeqModel;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TinyModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What lets the job batch model work from different articles: a brief must not depend on what else
 * ran that night. Measured on every fixture model and decoder layout:
 * <ul>
 *   <li>float32 graphs: a row's logits are bit-identical whatever its neighbours, given the same
 *       padded length, so batched and lone runs give the same tokens;</li>
 *   <li>quantized graphs: one activation scale per tensor makes every row depend on the others, so
 *       the model says so and its inputs never share a call;</li>
 *   <li>q4 graphs (4-bit weights in ONNX Runtime's {@code MatMulNBits}, float32 activations): a row
 *       alone goes through another kernel than rows together, so a lone row differs in its last bits
 *       from the same row beside another; they never share a call either.</li>
 * </ul>
 */
class NeighbourIndependenceTest {

    /** Sentences of different lengths, in both languages, as article chunks are. */
    static final List<String> TEXTS = List.of(
            "The port reopened on Thursday.",
            "Short one.",
            "The president said on Tuesday that 10,000 troops would stay in the region until the spring.",
            "Медіа повідомляють про нові удари по енергетичній інфраструктурі країни цієї ночі.",
            "Hi",
            "Rail services between the two cities resume next week, the operator said, after repairs to the bridge.",
            "Школи отримають гарячі обіди з понеділка.",
            "Prices rose by 3.5% in March, the statistics office said.");

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        for (String fixture : List.of("tiny-marian-en-uk", "tiny-marian-uk-en", "tiny-bart")) {
            for (DecoderLayout layout : DecoderLayout.values()) {
                out.add(Arguments.of(fixture, layout));
            }
        }
        return out.stream();
    }

    /** The fixtures in the variants whose rows depend on their neighbours: int8, and the q4 fixture. */
    static Stream<Arguments> neighbourDependentModels() {
        List<Arguments> out = new ArrayList<>();
        models().forEach(a -> out.add(Arguments.of(a.get()[0], Variant.QUANTIZED, a.get()[1])));
        for (DecoderLayout layout : DecoderLayout.values()) {
            out.add(Arguments.of("tiny-marian-q4", Variant.Q4, layout));
        }
        return out.stream();
    }

    private static Seq2SeqGenerator load(String fixture, Variant variant, DecoderLayout layout) {
        return Seq2SeqGenerator.load(
                TinyModels.FIXTURES.resolve(fixture),
                OnnxModelOptions.defaults()
                        .withVariant(variant)
                        .withLayout(layout)
                        .withIntraOpThreads(1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void float32RowsGiveBitIdenticalLogitsWhateverTheirNeighbours(String fixture, DecoderLayout layout) {
        try (Seq2SeqGenerator model = load(fixture, Variant.FP32, layout)) {
            assertThat(model.rowsIndependent()).isTrue();
            long[][] ids = TEXTS.stream().map(model::tokenize).toArray(long[][]::new);
            int padTo = Arrays.stream(ids).mapToInt(r -> r.length).max().orElseThrow();
            long[][] in = new long[ids.length][];
            long[][] mask = new long[ids.length][];
            for (int i = 0; i < ids.length; i++) {
                in[i] = Arrays.copyOf(ids[i], padTo);
                Arrays.fill(in[i], ids[i].length, padTo, model.defaultConfig().resolvePadTokenId());
                mask[i] = new long[padTo];
                Arrays.fill(mask[i], 0, ids[i].length, 1L);
            }
            float[][][] together = steps(model, in, mask);
            for (int i = 0; i < ids.length; i++) {
                float[][][] alone = steps(model, new long[][] {in[i]}, new long[][] {mask[i]});
                for (int s = 0; s < together.length; s++) {
                    assertThat(alone[s][0]).as("row %d, step %d", i, s).isEqualTo(together[s][i]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void batchedGenerationEqualsEachInputAloneAndTheUnbatchedReference(String fixture, DecoderLayout layout) {
        try (Seq2SeqGenerator model = load(fixture, Variant.FP32, layout)) {
            for (int bucket : new int[] {1, 8}) {
                BatchedGeneration batched =
                        new BatchedGeneration(new BatchSettings(16, 8192, bucket), ModelCallRetry.ONCE);
                List<BatchedGeneration.Input> inputs = TEXTS.stream()
                        .map(t -> new BatchedGeneration.Input(t, "en", "uk"))
                        .toList();
                List<BatchedGeneration.Output> all = batched.run(model, inputs);
                for (int i = 0; i < inputs.size(); i++) {
                    BatchedGeneration.Output alone =
                            batched.run(model, List.of(inputs.get(i))).get(0);
                    assertThat(all.get(i).text())
                            .as("bucket %d, input %d", bucket, i)
                            .isEqualTo(alone.text());
                    assertThat(all.get(i).meanLogProb())
                            .as("bucket %d, input %d: confidence, bit for bit", bucket, i)
                            .isEqualTo(alone.meanLogProb())
                            .isNegative();
                    if (bucket == 1) {
                        assertThat(all.get(i).text())
                                .as("unpadded: the reference's own call")
                                .isEqualTo(model.generate(TEXTS.get(i)).text().strip());
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("neighbourDependentModels")
    void quantizedRowsDependOnTheirNeighboursSoTheyAreNeverBatched(
            String fixture, Variant variant, DecoderLayout layout) {
        try (Seq2SeqGenerator model = load(fixture, variant, layout)) {
            assertThat(model.rowsIndependent()).isFalse();
            long[] first = model.tokenize(TEXTS.get(0));
            long[] other = Arrays.copyOf(model.tokenize(TEXTS.get(2)), first.length);
            float[][][] together =
                    steps(model, new long[][] {first, other}, new long[][] {ones(first.length), ones(first.length)});
            float[][][] alone = steps(model, new long[][] {first}, new long[][] {ones(first.length)});
            assertThat(alone[0][0])
                    .as("same length, no padding: only the neighbour differs")
                    .isNotEqualTo(together[0][0]);
            assertThat(BatchPlan.plan(
                            new int[] {5, 5, 5},
                            new String[] {"g", "g", "g"},
                            BatchSettings.DEFAULTS,
                            model.rowsIndependent(),
                            model.callMemory()))
                    .allSatisfy(b -> assertThat(b.inputs()).hasSize(1));
        }
    }

    /** The logits of three greedy-shaped decoder steps over fixed tokens, [step][row][vocab]. */
    private static float[][][] steps(Seq2SeqGenerator model, long[][] in, long[][] mask) {
        float[][][] out = new float[3][][];
        try (Seq2SeqModel.DecoderSession session = model.model().startDecoding(in, mask, 1)) {
            int[] tokens = new int[in.length];
            Arrays.fill(tokens, model.defaultConfig().resolveDecoderStartTokenId());
            for (int s = 0; s < out.length; s++) {
                out[s] = session.step(tokens);
                Arrays.fill(tokens, 5 + s);
            }
        }
        return out;
    }

    private static long[] ones(int n) {
        long[] a = new long[n];
        Arrays.fill(a, 1L);
        return a;
    }
}
