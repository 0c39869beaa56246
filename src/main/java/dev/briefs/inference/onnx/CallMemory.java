package dev.briefs.inference.onnx;

import dev.briefs.generate.GenerationConfig;
import tools.jackson.databind.JsonNode;

/**
 * What one generation call of an encoder-decoder model holds in memory, estimated from the model's
 * dimensions ({@code config.json}) and its generation settings, so that the calls can be kept within a
 * bound. ONNX Runtime's memory arena keeps the blocks of the largest call for the rest of the process,
 * so peak RSS follows the largest call: bounding every call bounds the arena.
 *
 * <p>For {@code B} rows padded to {@code L} tokens, with {@code K} beams and at most {@code T} decoder
 * positions, in float32 (4 bytes):
 *
 * <pre>
 * encoder = 4 · B · L · (2 · H_enc · L + 5 · d + ffn_enc)
 * decoder = 4 · B · K · (2 · N_dec · L · d + 4 · N_dec · T · d + L · d + 2 · V)
 * </pre>
 *
 * <ul>
 *   <li>Encoder, one layer at a time: the self-attention scores and their softmax, {@code H_enc × L × L}
 *       each, the part that grows with the square of the length; the layer's input, queries, keys, values
 *       and output ({@code 5 · d} a token) and the feed-forward layer's inner activations ({@code ffn_enc}).
 *   <li>Decoder, for every beam row: the cross-attention keys and values of every layer, computed at the
 *       first step and kept ({@code 2 · N_dec · L · d}); the self-attention cache up to {@code T}
 *       positions, fed in and returned anew at every step ({@code 2 ·} that, {@code 2 · N_dec · T · d}
 *       each); the encoder's output repeated per beam; and the step's logits with their log-softmax.
 * </ul>
 *
 * <p>The two are added, although the encoder's blocks are free when decoding starts: the encoder and the
 * decoder are separate sessions, each with an arena of its own, so neither reuses the other's blocks (and
 * an estimate that is too high only makes calls smaller). Vocabulary-sized
 * and weight-sized buffers that do not depend on the call are not counted; they are the model's own
 * memory.
 *
 * @param dModel          {@code d_model}
 * @param encoderHeads    {@code encoder_attention_heads}
 * @param encoderFfn      {@code encoder_ffn_dim}
 * @param decoderLayers   {@code decoder_layers}
 * @param vocabulary      {@code vocab_size}
 * @param beams           {@code num_beams}
 * @param decoderPositions the most tokens a row may generate ({@code max_new_tokens}, else {@code max_length})
 */
public record CallMemory(
        int dModel,
        int encoderHeads,
        int encoderFfn,
        int decoderLayers,
        int vocabulary,
        int beams,
        int decoderPositions) {

    /** A model whose dimensions are unknown: its calls are bounded by rows and tokens only. */
    public static final CallMemory UNKNOWN = new CallMemory(0, 0, 0, 0, 0, 0, 0);

    private static final long FLOAT_BYTES = 4;

    /**
     * The dimensions a call's memory grows with, by config.json's names for BART, Marian and M2M100, or
     * {@link #UNKNOWN} where the config lacks one: then only the batch's rows and tokens bound a call.
     *
     * @param dModel       {@code d_model}, read already
     * @param decoderHeads the decoder's attention heads, read already; the encoder's where the config has no
     *                     {@code encoder_attention_heads}
     * @param generation   the settings the model generates with (beams, length)
     */
    static CallMemory of(JsonNode config, int dModel, int decoderHeads, GenerationConfig generation) {
        Integer layers = optionalInt(config, "decoder_layers", "num_decoder_layers", "num_hidden_layers");
        Integer vocabulary = optionalInt(config, "vocab_size");
        if (layers == null || vocabulary == null) {
            return UNKNOWN;
        }
        Integer encoderHeads = optionalInt(config, "encoder_attention_heads", "num_attention_heads");
        Integer encoderFfn = optionalInt(config, "encoder_ffn_dim", "intermediate_size");
        Integer maxNew = generation.getMaxNewTokens();
        return new CallMemory(
                dModel,
                encoderHeads != null ? encoderHeads : decoderHeads,
                encoderFfn != null ? encoderFfn : 4 * dModel, // the transformer's usual inner width
                layers,
                vocabulary,
                generation.getNumBeams(),
                maxNew != null ? maxNew : generation.getMaxLength());
    }

    private static Integer optionalInt(JsonNode config, String... names) {
        for (String n : names) {
            if (config.has(n) && config.get(n).isNumber()) {
                return config.get(n).intValue();
            }
        }
        return null;
    }

    /** Bytes one call of {@code rows} inputs padded to {@code length} tokens holds, by the formula above. */
    public long bytes(int rows, int length) {
        long l = length;
        long encoder = FLOAT_BYTES * rows * l * (2L * encoderHeads * l + 5L * dModel + encoderFfn);
        long perBeamRow = 2L * decoderLayers * l * dModel
                + 4L * decoderLayers * decoderPositions * dModel
                + l * dModel
                + 2L * vocabulary;
        long decoder = FLOAT_BYTES * rows * (long) beams * perBeamRow;
        return encoder + decoder;
    }

    /**
     * The most rows of inputs padded to {@code length} tokens that one call may hold within {@code
     * boundBytes}; never fewer than one, since an input must run even when it alone is over the bound.
     * {@link Integer#MAX_VALUE} when the model is {@link #UNKNOWN}.
     */
    public int rowsWithin(long boundBytes, int length) {
        long perRow = bytes(1, length);
        if (perRow <= 0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, boundBytes / perRow));
    }
}
