package dev.briefs.inference.onnx;

import dev.briefs.optimum.Variant;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Loading options.
 *
 * @param variant the graph variant to load; null means {@link Variant#DEFAULT}, never the variant
 *     that happens to be in the folder, so a model gives the same output in every command
 * @param layout the decoder layout, or null for the default: merged where present, else split.
 *     Ignored when {@code cache} is false
 * @param session ONNX Runtime session settings (threads, graph optimisation, memory arena)
 * @param cache true (the default) to decode with the key/value cache (one new position per step);
 *     false to run the split layout's {@code decoder_model{v}.onnx} over the whole decoder prefix at
 *     every step and keep the logits of the last position, as transformers does with {@code
 *     use_cache=False}. Same tokens, quadratic cost: for benchmarks and cross-checks
 * @param meterRegistry where to record the time spent inside ONNX Runtime's {@code run} (one
 *     {@link io.micrometer.core.instrument.Timer} {@value OnnxSeq2SeqModel#RUN_TIMER} per graph,
 *     tags {@code model} = the folder's name and {@code graph} = {@code encoder}, {@code decoder},
 *     {@code decoder_with_past}), or null (the
 *     default) to time nothing
 */
public record OnnxModelOptions(
        Variant variant, DecoderLayout layout, OrtSessionSettings session, boolean cache, MeterRegistry meterRegistry) {

    public OnnxModelOptions {
        variant = variant != null ? variant : Variant.DEFAULT;
        session = session != null ? session : OrtSessionSettings.DEFAULTS;
    }

    public static OnnxModelOptions defaults() {
        return new OnnxModelOptions(null, null, OrtSessionSettings.DEFAULTS, true, null);
    }

    /** With the graphs of this variant (null: the default). */
    public OnnxModelOptions withVariant(Variant v) {
        return new OnnxModelOptions(v, layout, session, cache, meterRegistry);
    }

    public OnnxModelOptions withLayout(DecoderLayout l) {
        return new OnnxModelOptions(variant, l, session, cache, meterRegistry);
    }

    public OnnxModelOptions withIntraOpThreads(int n) {
        return withSession(session.withIntraOpThreads(n));
    }

    public OnnxModelOptions withSession(OrtSessionSettings s) {
        return new OnnxModelOptions(variant, layout, s, cache, meterRegistry);
    }

    /** With or without the decoder's key/value cache (see {@link #cache()}). */
    public OnnxModelOptions withCache(boolean on) {
        return new OnnxModelOptions(variant, layout, session, on, meterRegistry);
    }

    /** Records ONNX Runtime run times in the registry (null: none). */
    public OnnxModelOptions withMeterRegistry(MeterRegistry registry) {
        return new OnnxModelOptions(variant, layout, session, cache, registry);
    }
}
