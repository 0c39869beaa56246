package dev.briefs.optimum;

import java.util.List;
import java.util.Locale;

/**
 * The file layout of Optimum's ONNX exports: its graph variants and their file names, such as
 * {@code onnx/encoder_model.onnx} (fp32), {@code onnx/encoder_model_quantized.onnx} (quantized: int8
 * weights) and {@code onnx/encoder_model_fp16.onnx} (fp16).
 *
 * <p>The catalog and {@code models fetch} name the files to download by it, the engine the files to
 * load, and the job file, the command line and the catalog all read a variant with {@link #parse}: so
 * "quantized" means the same files wherever it is written, and every command that loads graphs
 * without being told which loads {@link #DEFAULT}.
 */
public enum Variant {
    /** Plain float32 graphs: {@code encoder_model.onnx}. */
    FP32(""),
    /** Dynamically int8-quantized graphs (float32 inputs and outputs): {@code encoder_model_quantized.onnx}. */
    QUANTIZED("_quantized"),
    /**
     * 4-bit weight-only graphs: every MatMul with a constant weight replaced by ONNX Runtime's
     * {@code MatMulNBits} (blocks of 32, symmetric: transformers.js's {@code q4}), float32 activations,
     * inputs and outputs: {@code encoder_model_q4.onnx}. Its inputs never share a model call, as
     * {@link #QUANTIZED}'s: a row alone is multiplied by another kernel than rows together (docs/generation.md,
     * "Determinism").
     */
    Q4("_q4"),
    /** float16 graphs: {@code encoder_model_fp16.onnx}. Fetched, not loaded (DJL's ONNX Runtime engine cannot make float16 tensors). */
    FP16("_fp16");

    /**
     * The graphs every command loads when neither {@code --variant} nor a job file's
     * {@code models.variant} names others, and what {@code models fetch} gets when the catalog names
     * none: fp32, the faster on the machines measured (docs/performance.md), and the only variant whose
     * inputs can share a model call.
     */
    public static final Variant DEFAULT = FP32;

    /** Suffixes of the variants exports hold besides fp32; a graph without one of them is fp32. */
    private static final List<String> NON_FP32_SUFFIXES =
            List.of("_quantized", "_fp16", "_int8", "_uint8", "_q4", "_q4f16", "_bnb4");

    private final String suffix;

    Variant(String suffix) {
        this.suffix = suffix;
    }

    /**
     * Reads a variant as a job file, the command line or the catalog writes it: {@code fp32},
     * {@code quantized}, {@code q4} or {@code fp16} in any case, or the aliases {@code float32},
     * {@code int8}, {@code q8} and {@code float16}.
     *
     * @throws UnknownVariantException naming the accepted values
     */
    public static Variant parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "fp32", "float32" -> FP32;
            case "quantized", "int8", "q8" -> QUANTIZED;
            case "q4" -> Q4;
            case "fp16", "float16" -> FP16;
            default -> throw new UnknownVariantException(text);
        };
    }

    /**
     * Whether inputs from different articles may share a model call: only where a row's result is
     * bit-identical whatever the other rows of the call ({@code NeighbourIndependenceTest}). int8 graphs
     * quantize activations over the whole call; q4 graphs multiply a lone row with another kernel than
     * several rows; fp16 is not loaded.
     */
    public boolean inputsShareCalls() {
        return this == FP32;
    }

    /** Its name in job files, on the command line and in the catalog: {@code fp32}, {@code quantized}, {@code q4}, {@code fp16}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the export appends to a graph's name: {@code ""}, {@code _quantized}, {@code _q4}, {@code _fp16}. */
    public String suffix() {
        return suffix;
    }

    /** A graph's file name in this variant: {@code BASE{suffix}.onnx}. */
    public String graphFile(String base) {
        return base + suffix + ".onnx";
    }

    /** A graph's path in the repo: {@code onnx/BASE{suffix}.onnx}. */
    public String onnxFile(String base) {
        return "onnx/" + graphFile(base);
    }

    /** Whether {@code onnx/X.onnx} is a graph of this variant. */
    public boolean matchesOnnx(String path) {
        if (!path.startsWith("onnx/") || !path.endsWith(".onnx") || path.indexOf('/', 5) >= 0) {
            return false;
        }
        String base = path.substring(5, path.length() - 5);
        if (!suffix.isEmpty()) {
            return base.endsWith(suffix);
        }
        return NON_FP32_SUFFIXES.stream().noneMatch(base::endsWith);
    }

    /** The same graph in another variant: {@code onnx/encoder_model_quantized.onnx} to {@code onnx/encoder_model.onnx}; other paths as they are. */
    public String convert(String path, Variant to) {
        if (!matchesOnnx(path)) {
            return path;
        }
        String base = path.substring(5, path.length() - 5);
        return to.onnxFile(base.substring(0, base.length() - suffix.length()));
    }
}
