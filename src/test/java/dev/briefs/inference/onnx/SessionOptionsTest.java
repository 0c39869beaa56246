package dev.briefs.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import dev.briefs.optimum.Variant;
import dev.briefs.support.TinyModels;
import org.junit.jupiter.api.Test;

/**
 * The job file's {@code onnx} settings reach ONNX Runtime as its own session options: DJL's option names could not
 * turn the arena off (it reads {@code cpuArenaAllocator} only to turn it on) nor pre-packing, so the session is made
 * from an {@link OrtSession.SessionOptions} built whole.
 */
class SessionOptionsTest {

    @Test
    void prepackingOffIsOnnxRuntimesConfigEntryAndOnIsItsDefault() {
        OrtSessionSettings off = OrtSessionSettings.DEFAULTS.withPrepacking(false);
        try (OrtSession.SessionOptions o = off.sessionOptions()) {
            assertThat(o.getConfigEntries()).containsEntry("session.disable_prepacking", "1");
        }
        try (OrtSession.SessionOptions o = OrtSessionSettings.DEFAULTS.sessionOptions()) {
            assertThat(o.getConfigEntries()).doesNotContainKey("session.disable_prepacking");
        }
        assertThat(off.describeAsRun()).endsWith("arena on, pre-packing off");
        assertThat(OrtSessionSettings.DEFAULTS.prepacking()).isTrue();
    }

    @Test
    void aModelLoadedWithTheMemorySettingsRunsWithThemAndSaysSo() {
        OrtSessionSettings lean = new OrtSessionSettings(1, 1, null, false, false);
        OnnxModelOptions options =
                OnnxModelOptions.defaults().withVariant(Variant.FP32).withSession(lean);
        try (OnnxSeq2SeqModel model =
                OnnxSeq2SeqModel.load(TinyModels.FIXTURES.resolve("tiny-marian-en-uk"), options)) {
            assertThat(model.sessionSettings()).isEqualTo(lean);
            assertThat(model.sessionSettings().describeAsRun())
                    .isEqualTo("intra-op 1, inter-op 1, optimisation default (all), arena off, pre-packing off");
            // the search's per-row work stays on the calling thread where the sessions have one thread
            assertThat(model.searchThreads()).isEqualTo(1);
        }
    }

    @Test
    void theSearchSharesTheCoresOnlyWhereTheSessionsDo() {
        OnnxModelOptions two = OnnxModelOptions.defaults()
                .withVariant(Variant.FP32)
                .withSession(OrtSessionSettings.DEFAULTS.withIntraOpThreads(2));
        try (OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(TinyModels.FIXTURES.resolve("tiny-marian-en-uk"), two)) {
            assertThat(model.searchThreads()).isEqualTo(2);
        }
    }
}
