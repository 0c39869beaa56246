package dev.briefs.inference.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which graphs of a model folder are loaded: the variant (fp32 or quantized) and the decoder layout
 * (one merged decoder, or one without and one with past), as asked for or, where not asked, as the
 * folder holds them (Optimum's file names).
 *
 * @param cache whether decoding uses the key/value cache; without it, only the decoder without past runs
 */
record GraphFiles(Path onnxDir, OnnxVariant variant, DecoderLayout layout, boolean cache) {

    /** A graph's file in the chosen variant, e.g. {@code onnx/decoder_model_merged_quantized.onnx}. */
    Path graph(String base) {
        return onnxDir.resolve(base + variant.suffix() + ".onnx");
    }

    static GraphFiles choose(Path dir, OnnxModelOptions options) {
        Path onnxDir = Files.isDirectory(dir.resolve("onnx")) ? dir.resolve("onnx") : dir;
        OnnxVariant variant = options.variant();
        DecoderLayout layout = options.layout();
        boolean cache = options.cache();
        if (!cache) {
            layout = DecoderLayout.SPLIT; // decoder_model{v}.onnx only
        }
        if (variant == null) {
            boolean q = cache ? complete(onnxDir, OnnxVariant.QUANTIZED, layout)
                    : Files.isRegularFile(onnxDir.resolve("encoder_model" + OnnxVariant.QUANTIZED.suffix() + ".onnx"))
                            && Files.isRegularFile(onnxDir.resolve("decoder_model" + OnnxVariant.QUANTIZED.suffix() + ".onnx"));
            variant = q ? OnnxVariant.QUANTIZED : OnnxVariant.FP32;
        }
        if (variant == OnnxVariant.FP16) {
            throw new ModelLoadException(onnxDir.resolve("encoder_model_fp16.onnx"),
                    "The fp16 variant is not supported by this backend (DJL's ONNX Runtime engine cannot create float16 tensors)");
        }
        if (layout == null) {
            layout = Files.isRegularFile(onnxDir.resolve("decoder_model_merged" + variant.suffix() + ".onnx"))
                    ? DecoderLayout.MERGED : DecoderLayout.SPLIT;
        }
        if (options.layout() != null && cache) {
            // Asked for by name: say so, rather than only that a file is missing.
            List<String> bases = layout == DecoderLayout.MERGED ? List.of("decoder_model_merged")
                    : List.of("decoder_model", "decoder_with_past_model");
            for (String base : bases) {
                Path f = onnxDir.resolve(base + variant.suffix() + ".onnx");
                if (!Files.isRegularFile(f)) {
                    throw new ModelLoadException(f, "Missing ONNX graph of the " + layout.name().toLowerCase(Locale.ROOT)
                            + " decoder layout that was asked for");
                }
            }
        }
        return new GraphFiles(onnxDir, variant, layout, cache);
    }

    private static boolean complete(Path onnxDir, OnnxVariant v, DecoderLayout layout) {
        String s = v.suffix();
        if (!Files.isRegularFile(onnxDir.resolve("encoder_model" + s + ".onnx"))) {
            return false;
        }
        boolean merged = Files.isRegularFile(onnxDir.resolve("decoder_model_merged" + s + ".onnx"));
        boolean split = Files.isRegularFile(onnxDir.resolve("decoder_model" + s + ".onnx"))
                && Files.isRegularFile(onnxDir.resolve("decoder_with_past_model" + s + ".onnx"));
        if (layout == DecoderLayout.MERGED) {
            return merged;
        }
        if (layout == DecoderLayout.SPLIT) {
            return split;
        }
        return merged || split;
    }
}
