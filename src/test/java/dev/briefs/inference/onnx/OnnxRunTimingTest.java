package dev.briefs.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.generate.Generation;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.optimum.Variant;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ORT run timers: one per graph, one record per run, nothing without a registry. */
class OnnxRunTimingTest {

    static Path model() throws URISyntaxException {
        return Paths.get(
                OnnxRunTimingTest.class.getResource("/models/tiny-marian-en-uk").toURI());
    }

    static final long[][] IDS = {{5, 6, 7, 0}};
    static final long[][] MASK = {{1, 1, 1, 1}};

    static int[] generate(OnnxSeq2SeqModel m, int newTokens) {
        GenerationConfig cfg = m.generationConfig();
        cfg.setNumBeams(1).setMaxNewTokens(newTokens).setMinNewTokens(newTokens);
        return Generation.generate(m, IDS, MASK, cfg)[0];
    }

    @Test
    void splitLayoutTimesEachGraphRun() throws Exception {
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        try (OnnxSeq2SeqModel m = OnnxSeq2SeqModel.load(
                model(),
                OnnxModelOptions.defaults()
                        .withVariant(Variant.FP32)
                        .withLayout(DecoderLayout.SPLIT)
                        .withIntraOpThreads(1)
                        .withMeterRegistry(reg))) {
            int[] out = generate(m, 6);
            assertThat(out).hasSize(7);
        }
        Timer enc = reg.get(OnnxSeq2SeqModel.RUN_TIMER).tag("graph", "encoder").timer();
        Timer dec = reg.get(OnnxSeq2SeqModel.RUN_TIMER).tag("graph", "decoder").timer();
        Timer past = reg.get(OnnxSeq2SeqModel.RUN_TIMER)
                .tag("graph", "decoder_with_past")
                .timer();
        assertThat(enc.count()).isEqualTo(1);
        assertThat(dec.count()).isEqualTo(1);
        assertThat(past.count()).isEqualTo(5);
        assertThat(enc.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(past.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void withoutCacheEveryStepRunsTheFullDecoder() throws Exception {
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        try (OnnxSeq2SeqModel m = OnnxSeq2SeqModel.load(
                model(),
                OnnxModelOptions.defaults()
                        .withVariant(Variant.FP32)
                        .withCache(false)
                        .withIntraOpThreads(1)
                        .withMeterRegistry(reg))) {
            assertThat(m.usesCache()).isFalse();
            assertThat(m.layout()).isEqualTo(DecoderLayout.SPLIT);
            generate(m, 6);
        }
        assertThat(reg.get(OnnxSeq2SeqModel.RUN_TIMER)
                        .tag("graph", "decoder")
                        .timer()
                        .count())
                .isEqualTo(6);
        assertThat(reg.find(OnnxSeq2SeqModel.RUN_TIMER)
                        .tag("graph", "decoder_with_past")
                        .timer())
                .isNull();
    }

    @Test
    void noRegistryNoTimers() throws Exception {
        try (OnnxSeq2SeqModel m =
                OnnxSeq2SeqModel.load(model(), OnnxModelOptions.defaults().withIntraOpThreads(1))) {
            assertThat(generate(m, 3)).hasSize(4);
        }
        assertThat(OnnxModelOptions.defaults().meterRegistry()).isNull();
        assertThat(OnnxModelOptions.defaults().cache()).isTrue();
    }
}
