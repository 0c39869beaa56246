package dev.briefs.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.optimum.Variant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariantFilesTest {

    static final Set<String> XENOVA_SEQ2SEQ = Set.of(
            "config.json",
            "generation_config.json",
            "tokenizer.json",
            "tokenizer_config.json",
            "special_tokens_map.json",
            "README.md",
            ".gitattributes",
            "source.spm",
            "onnx/encoder_model.onnx",
            "onnx/encoder_model_quantized.onnx",
            "onnx/encoder_model_fp16.onnx",
            "onnx/decoder_model.onnx",
            "onnx/decoder_model_quantized.onnx",
            "onnx/decoder_model_merged.onnx",
            "onnx/decoder_model_merged_quantized.onnx",
            "onnx/decoder_model_merged_fp16.onnx",
            "onnx/decoder_with_past_model_quantized.onnx");

    @Test
    void standardSeq2seqSet() {
        assertThat(VariantFiles.seq2seq(Variant.QUANTIZED))
                .containsExactly(
                        "config.json",
                        "generation_config.json",
                        "tokenizer.json",
                        "tokenizer_config.json",
                        "special_tokens_map.json",
                        "onnx/encoder_model_quantized.onnx",
                        "onnx/decoder_model_merged_quantized.onnx");
        assertThat(VariantFiles.seq2seq(Variant.FP32))
                .contains("onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx");
    }

    @Test
    void selectsFromAListing() {
        assertThat(VariantFiles.selectFrom(Variant.QUANTIZED, XENOVA_SEQ2SEQ))
                .containsExactly(
                        "config.json",
                        "generation_config.json",
                        "tokenizer.json",
                        "tokenizer_config.json",
                        "special_tokens_map.json",
                        "source.spm",
                        "onnx/encoder_model_quantized.onnx",
                        "onnx/decoder_model_merged_quantized.onnx");
        assertThat(VariantFiles.selectFrom(Variant.FP16, XENOVA_SEQ2SEQ))
                .contains("onnx/encoder_model_fp16.onnx", "onnx/decoder_model_merged_fp16.onnx");
        assertThat(VariantFiles.selectFrom(
                        Variant.FP32,
                        Set.of(
                                "config.json",
                                "tokenizer.json",
                                "onnx/model.onnx",
                                "onnx/model.onnx_data",
                                "onnx/model_quantized.onnx")))
                .containsExactly("config.json", "tokenizer.json", "onnx/model.onnx", "onnx/model.onnx_data");
        assertThat(VariantFiles.selectFrom(
                        Variant.QUANTIZED,
                        Set.of(
                                "config.json",
                                "onnx/vision_quantized.onnx",
                                "onnx/text_quantized.onnx",
                                "onnx/text.onnx")))
                .containsExactly("config.json", "onnx/text_quantized.onnx", "onnx/vision_quantized.onnx");
        assertThat(VariantFiles.selectFrom(Variant.QUANTIZED, Set.of("config.json", "pytorch_model.bin")))
                .isEmpty();
    }
}
