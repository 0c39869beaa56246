package dev.briefs.inference.onnx;

/** The precision variant of the ONNX graphs: the file-name suffix in the Optimum layout. */
public enum OnnxVariant {
    /** Plain float32 graphs: {@code encoder_model.onnx}. */
    FP32(""),
    /** Dynamically int8-quantized graphs (float32 inputs/outputs): {@code encoder_model_quantized.onnx}. */
    QUANTIZED("_quantized"),
    /** float16 graphs: {@code encoder_model_fp16.onnx}. Not supported by this backend yet (DJL's ORT engine cannot create float16 tensors). */
    FP16("_fp16");

    private final String suffix;

    OnnxVariant(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Parses "fp32", "quantized", "int8", "fp16" (case-insensitive). */
    public static OnnxVariant parse(String s) {
        return switch (s.trim().toLowerCase()) {
            case "fp32", "float32", "" -> FP32;
            case "quantized", "int8", "q8" -> QUANTIZED;
            case "fp16", "float16" -> FP16;
            default -> throw new IllegalArgumentException("Unknown ONNX variant: " + s);
        };
    }
}
