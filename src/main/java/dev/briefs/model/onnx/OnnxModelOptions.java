package dev.briefs.model.onnx;

/**
 * Loading options.
 *
 * @param variant the graph variant to load, or null for the default: quantized where all needed
 *     quantized graphs are present, else fp32
 * @param layout the decoder layout, or null for the default: merged where present, else split
 * @param intraOpThreads ONNX Runtime intra-op threads per session, or 0 for ORT's default
 */
public record OnnxModelOptions(OnnxVariant variant, DecoderLayout layout, int intraOpThreads) {

    public static OnnxModelOptions defaults() {
        return new OnnxModelOptions(null, null, 0);
    }

    public OnnxModelOptions withVariant(OnnxVariant v) {
        return new OnnxModelOptions(v, layout, intraOpThreads);
    }

    public OnnxModelOptions withLayout(DecoderLayout l) {
        return new OnnxModelOptions(variant, l, intraOpThreads);
    }

    public OnnxModelOptions withIntraOpThreads(int n) {
        return new OnnxModelOptions(variant, layout, n);
    }
}
