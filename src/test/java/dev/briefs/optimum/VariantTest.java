package dev.briefs.optimum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reader of a variant name, shared by job files, every command's --variant and the catalog. */
class VariantTest {

    @ParameterizedTest
    @CsvSource({
        "fp32, FP32", "FP32, FP32", "' fp32 ', FP32", "float32, FP32",
        "quantized, QUANTIZED", "Quantized, QUANTIZED", "int8, QUANTIZED", "q8, QUANTIZED",
        "fp16, FP16", "float16, FP16"
    })
    void readsTheNamesAndTheAliases(String text, Variant expected) {
        assertThat(Variant.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"best", "int4", "fp64", "", "quantised"})
    void anUnknownNameIsAUserErrorThatListsTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> Variant.parse(text))
                .isInstanceOf(UnknownVariantException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown variant '" + text + "': use fp32, quantized or fp16 (or float32, int8, q8, float16)");
    }

    @Test
    void aMissingNameIsAUserErrorToo() {
        assertThatThrownBy(() -> Variant.parse(null)).isInstanceOf(UnknownVariantException.class);
    }

    @Test
    void theDefaultIsFp32AndEachIdReadsBackAsItself() {
        assertThat(Variant.DEFAULT).isEqualTo(Variant.FP32);
        for (Variant v : Variant.values()) {
            assertThat(Variant.parse(v.id())).isEqualTo(v);
        }
    }

    @Test
    void namesTheGraphFilesOfTheExport() {
        assertThat(Variant.FP32.onnxFile("encoder_model")).isEqualTo("onnx/encoder_model.onnx");
        assertThat(Variant.QUANTIZED.onnxFile("decoder_model_merged"))
                .isEqualTo("onnx/decoder_model_merged_quantized.onnx");
        assertThat(Variant.FP16.graphFile("encoder_model")).isEqualTo("encoder_model_fp16.onnx");
    }

    @Test
    void tellsWhichVariantAGraphIsAndRenamesIt() {
        assertThat(Variant.FP32.matchesOnnx("onnx/encoder_model.onnx")).isTrue();
        assertThat(Variant.FP32.matchesOnnx("onnx/encoder_model_quantized.onnx"))
                .isFalse();
        assertThat(Variant.FP32.matchesOnnx("onnx/model_int8.onnx"))
                .as("another export's suffix is not fp32")
                .isFalse();
        assertThat(Variant.QUANTIZED.matchesOnnx("onnx/encoder_model_quantized.onnx"))
                .isTrue();
        assertThat(Variant.QUANTIZED.matchesOnnx("config.json")).isFalse();
        assertThat(Variant.QUANTIZED.convert("onnx/decoder_model_merged_quantized.onnx", Variant.FP32))
                .isEqualTo("onnx/decoder_model_merged.onnx");
        assertThat(Variant.FP32.convert("onnx/encoder_model.onnx", Variant.FP16))
                .isEqualTo("onnx/encoder_model_fp16.onnx");
        assertThat(Variant.FP32.convert("tokenizer.json", Variant.QUANTIZED)).isEqualTo("tokenizer.json");
    }
}
