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
        "fp32, FP32",
        "FP32, FP32",
        "' fp32 ', FP32",
        "float32, FP32",
        "quantized, QUANTIZED",
        "Quantized, QUANTIZED",
        "int8, QUANTIZED",
        "q8, QUANTIZED",
        "q4, Q4",
        "Q4, Q4",
        "fp16, FP16",
        "float16, FP16"
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
                .hasMessage("unknown variant '" + text
                        + "': use fp32, quantized, q4 or fp16 (or float32, int8, q8, float16)");
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
        assertThat(Variant.Q4.matchesOnnx("onnx/encoder_model_q4.onnx")).isTrue();
        assertThat(Variant.Q4.matchesOnnx("onnx/encoder_model_q4f16.onnx"))
                .as("q4f16 is another variant")
                .isFalse();
        assertThat(Variant.Q4.convert("onnx/decoder_model_merged_q4.onnx", Variant.FP32))
                .isEqualTo("onnx/decoder_model_merged.onnx");
    }

    @Test
    void onlyFp32InputsShareModelCalls() {
        // int8 quantizes activations over the whole call, q4 multiplies a lone row with another kernel
        // (NeighbourIndependenceTest measures both); fp16 is not loaded.
        assertThat(Variant.FP32.inputsShareCalls()).isTrue();
        assertThat(Variant.QUANTIZED.inputsShareCalls()).isFalse();
        assertThat(Variant.Q4.inputsShareCalls()).isFalse();
        assertThat(Variant.FP16.inputsShareCalls()).isFalse();
    }
}
