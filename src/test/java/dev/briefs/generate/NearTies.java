package dev.briefs.generate;

import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import dev.briefs.support.LogitHook;
import dev.briefs.support.RoundingBound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Which recorded tokens another CPU should not change: the recorded rows generated again with every
 * logit moved by up to the float32 bound of two executions ({@link RoundingBound}, twice γ(N) times the
 * step's largest |logit|), by seeded noise, {@value #SEEDS} times. A row that comes out the same every
 * time is stable and is compared token for token; a row that changes sits on a near-tie that the bound
 * allows another CPU to break the other way, and only its tokens before the first change (its stable
 * prefix) are compared exactly. The bound is a worst case, some 400 times what was seen between an AMD
 * EPYC and an Intel Xeon with AMX, so most rows it calls near-ties are only near-ties in principle;
 * the tests print them.
 *
 * <p>Computed at test time rather than written into the fixtures: the noise is the bound's size, far
 * above this CPU's own rounding, so the rows it finds hardly depend on where it runs, and a new case
 * needs no recording step. Random noise finds near-ties, it does not prove their absence: a row that
 * survives three seeds is taken as stable. The tie fixture's exact ties (equal computations, equal on
 * every CPU) are not near-ties and are not run through this.
 */
public final class NearTies {

    static final int SEEDS = 3;

    private static final Map<String, int[]> STABLE_PREFIXES = new ConcurrentHashMap<>();

    private NearTies() {}

    /**
     * For each row of a recorded case (its {@code expected.json} entry), how many tokens of the recorded
     * output are stable: the whole row where it is, else those before the first that noise changed.
     */
    public static int[] stablePrefixes(String model, JsonNode recordedCase) {
        Variant variant = Variant.parse(recordedCase.get("variant").asString());
        String key = model + "/" + recordedCase.get("name").asString() + "/" + variant;
        return STABLE_PREFIXES.computeIfAbsent(key, k -> compute(model, recordedCase, variant));
    }

    /** {@link #stablePrefixes(String, JsonNode)} of the model's expected.json case of that name and variant. */
    public static int[] stablePrefixes(String model, String caseName, String variant) {
        for (JsonNode c : ParityTest.expected(model).get("cases")) {
            if (c.get("name").asString().equals(caseName)
                    && c.get("variant").asString().equals(variant)) {
                return stablePrefixes(model, c);
            }
        }
        throw new AssertionError(model + ": no expected.json case " + caseName + " [" + variant + "]");
    }

    private static int[] compute(String model, JsonNode c, Variant variant) {
        OnnxSeq2SeqModel engine = ParityTest.model(model, variant, DecoderLayout.MERGED);
        double logitBound =
                2 * RoundingBound.seq2seq(ParityTest.modelsDir().resolve(model)).gamma();
        GenerationConfig cfg = engine.generationConfig().override(ParityTest.settings(c.get("settings")));
        List<long[]> inputs = ParityTest.inputIds(c);
        int[] prefixes = new int[inputs.size()];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = c.get("output_ids").get(i).size();
        }
        for (long seed = 1; seed <= SEEDS; seed++) {
            Seq2SeqModel noisy = noisy(engine, logitBound, seed);
            List<int[]> rows = new ArrayList<>();
            if (c.path("batched").asBoolean(false)) {
                long[][][] p = ParityTest.pad(inputs, cfg.resolvePadTokenId());
                rows.addAll(List.of(Generation.generate(noisy, p[0], p[1], cfg)));
            } else {
                for (long[] in : inputs) {
                    long[][][] p = ParityTest.pad(List.of(in), cfg.resolvePadTokenId());
                    rows.add(Generation.generate(noisy, p[0], p[1], cfg)[0]);
                }
            }
            for (int i = 0; i < prefixes.length; i++) {
                JsonNode recorded = c.get("output_ids").get(i);
                int[] got = rows.get(i);
                int same = 0;
                while (same < recorded.size()
                        && same < got.length
                        && got[same] == recorded.get(same).intValue()) {
                    same++;
                }
                boolean whole = same == recorded.size() && got.length == recorded.size();
                prefixes[i] = Math.min(prefixes[i], whole ? recorded.size() : same);
            }
        }
        return prefixes;
    }

    /** The model with every finite logit moved by seeded noise of up to {@code relative} times the step's largest |logit|. */
    private static Seq2SeqModel noisy(Seq2SeqModel model, double relative, long seed) {
        return new LogitHook(model, () -> {
            SplittableRandom random = new SplittableRandom(seed);
            return logits -> {
                for (float[] row : logits) {
                    double scale = 0;
                    for (float x : row) {
                        scale = Float.isFinite(x) ? Math.max(scale, Math.abs(x)) : scale;
                    }
                    for (int j = 0; j < row.length; j++) {
                        if (Float.isFinite(row[j])) {
                            row[j] += (float) (relative * scale * (2 * random.nextDouble() - 1));
                        }
                    }
                }
            };
        });
    }
}
