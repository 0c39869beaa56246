package dev.briefs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class VariantTest {

    static final Set<String> XENOVA_SEQ2SEQ = Set.of("config.json", "generation_config.json", "tokenizer.json",
            "tokenizer_config.json", "special_tokens_map.json", "README.md", ".gitattributes", "source.spm",
            "onnx/encoder_model.onnx", "onnx/encoder_model_quantized.onnx", "onnx/encoder_model_fp16.onnx",
            "onnx/decoder_model.onnx", "onnx/decoder_model_quantized.onnx", "onnx/decoder_model_merged.onnx",
            "onnx/decoder_model_merged_quantized.onnx", "onnx/decoder_model_merged_fp16.onnx",
            "onnx/decoder_with_past_model_quantized.onnx");

    @Test
    void standardSeq2seqSet() {
        assertThat(Variant.QUANTIZED.seq2seqFiles()).containsExactly("config.json", "generation_config.json",
                "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx");
        assertThat(Variant.FP32.seq2seqFiles()).contains("onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx");
    }

    @Test
    void selectsFromAListing() {
        assertThat(Variant.QUANTIZED.selectFrom(XENOVA_SEQ2SEQ)).containsExactly("config.json", "generation_config.json",
                "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "source.spm",
                "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx");
        assertThat(Variant.FP16.selectFrom(XENOVA_SEQ2SEQ)).contains("onnx/encoder_model_fp16.onnx",
                "onnx/decoder_model_merged_fp16.onnx");
        assertThat(Variant.FP32.selectFrom(Set.of("config.json", "tokenizer.json", "onnx/model.onnx",
                "onnx/model.onnx_data", "onnx/model_quantized.onnx")))
                .containsExactly("config.json", "tokenizer.json", "onnx/model.onnx", "onnx/model.onnx_data");
        assertThat(Variant.QUANTIZED.selectFrom(Set.of("config.json", "onnx/vision_quantized.onnx",
                "onnx/text_quantized.onnx", "onnx/text.onnx"))).containsExactly("config.json",
                "onnx/text_quantized.onnx", "onnx/vision_quantized.onnx");
        assertThat(Variant.QUANTIZED.selectFrom(Set.of("config.json", "pytorch_model.bin"))).isEmpty();
    }
}
