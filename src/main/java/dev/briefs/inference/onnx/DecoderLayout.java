package dev.briefs.inference.onnx;

/** How the decoder is exported. */
public enum DecoderLayout {
    /** {@code decoder_model_merged.onnx}: one graph with a {@code use_cache_branch} input. */
    MERGED,
    /** {@code decoder_model.onnx} (first step) + {@code decoder_with_past_model.onnx} (later steps). */
    SPLIT
}
