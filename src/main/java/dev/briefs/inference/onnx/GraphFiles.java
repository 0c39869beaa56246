package dev.briefs.inference.onnx;

import dev.briefs.log.Invocation;
import dev.briefs.optimum.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which graphs of a model folder are loaded: the variant asked for (the default where none was),
 * and the decoder layout (one merged decoder, or one without and one with past), as asked for or,
 * where not asked, as the folder holds them (Optimum's file names).
 *
 * <p>The variant is never taken from what the folder happens to hold: a folder with both fp32 and
 * quantized graphs must give {@code translate} the output the night gives, so a variant that is not
 * there is an error that says how to fetch it, not a quiet switch to another.
 *
 * @param cache whether decoding uses the key/value cache; without it, only the decoder without past runs
 */
record GraphFiles(Path onnxDir, Variant variant, DecoderLayout layout, boolean cache) {

    /** A graph's file in the chosen variant, e.g. {@code onnx/decoder_model_merged_quantized.onnx}. */
    Path graph(String base) {
        return onnxDir.resolve(variant.graphFile(base));
    }

    static GraphFiles choose(Path dir, OnnxModelOptions options) {
        Path onnxDir = Files.isDirectory(dir.resolve("onnx")) ? dir.resolve("onnx") : dir;
        Variant variant = options.variant();
        DecoderLayout layout = options.layout();
        boolean cache = options.cache();
        if (!cache) {
            layout = DecoderLayout.SPLIT; // decoder_model{v}.onnx only
        }
        if (variant == Variant.FP16) {
            throw new ModelLoadException(
                    onnxDir.resolve(Variant.FP16.graphFile("encoder_model")),
                    "The fp16 variant is not supported by this backend (DJL's ONNX Runtime engine cannot create float16 tensors)");
        }
        requireVariant(dir, onnxDir, variant);
        if (layout == null) {
            layout = Files.isRegularFile(onnxDir.resolve(variant.graphFile("decoder_model_merged")))
                    ? DecoderLayout.MERGED
                    : DecoderLayout.SPLIT;
        }
        if (options.layout() != null && cache) {
            // Asked for by name: say so, rather than only that a file is missing.
            List<String> bases = layout == DecoderLayout.MERGED
                    ? List.of("decoder_model_merged")
                    : List.of("decoder_model", "decoder_with_past_model");
            for (String base : bases) {
                Path f = onnxDir.resolve(variant.graphFile(base));
                if (!Files.isRegularFile(f)) {
                    throw new ModelLoadException(
                            f,
                            "Missing ONNX graph of the " + layout.name().toLowerCase(Locale.ROOT)
                                    + " decoder layout that was asked for");
                }
            }
        }
        return new GraphFiles(onnxDir, variant, layout, cache);
    }

    /** The variant's encoder must be there; where it is not, the error names the fetch, and the variant the folder has. */
    private static void requireVariant(Path dir, Path onnxDir, Variant variant) {
        Path encoder = onnxDir.resolve(variant.graphFile("encoder_model"));
        if (Files.isRegularFile(encoder)) {
            return;
        }
        List<Variant> present = Arrays.stream(Variant.values())
                .filter(v -> v != Variant.FP16)
                .filter(v -> Files.isRegularFile(onnxDir.resolve(v.graphFile("encoder_model"))))
                .toList();
        if (present.isEmpty()) {
            return; // no variant at all: loading the encoder fails, naming it
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        String other = present.get(0).id();
        throw new VariantNotInstalledException(
                encoder,
                "the " + variant.id() + " graphs are not installed (the folder has "
                        + other + " ones): " + encoder + " is missing; fetch them with: "
                        + Invocation.command("models fetch " + name + " --variant " + variant.id()) + ", or load the "
                        + other
                        + " graphs with --variant " + other
                        + " (models.variant: " + other + " in a job file)");
    }
}
