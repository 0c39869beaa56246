package dev.briefs.generate;

import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import dev.briefs.support.LogitScale;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The largest |logit| the engine sees while it generates one recorded row, on its own: the scale a
 * recorded score's tolerance is relative to ({@code RoundingBound#logProb}), for tests outside this
 * package that compare a command's scores with the recording.
 */
public final class RecordedLogitScale {

    private RecordedLogitScale() {}

    public static double of(String model, JsonNode recordedCase, int row) {
        Variant variant = Variant.parse(recordedCase.get("variant").asString());
        OnnxSeq2SeqModel engine = ParityTest.model(model, variant, DecoderLayout.MERGED);
        GenerationConfig cfg = engine.generationConfig().override(ParityTest.settings(recordedCase.get("settings")));
        LogitScale observed = new LogitScale(engine);
        long[][][] p = ParityTest.pad(List.of(ParityTest.inputIds(recordedCase).get(row)), cfg.resolvePadTokenId());
        Generation.generate(observed, p[0], p[1], cfg);
        return observed.takeMax();
    }
}
