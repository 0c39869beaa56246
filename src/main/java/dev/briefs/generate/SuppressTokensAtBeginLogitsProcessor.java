package dev.briefs.generate;

import org.jspecify.annotations.Nullable;

/**
 * transformers' {@code SuppressTokensAtBeginLogitsProcessor} ({@code begin_suppress_tokens}): the
 * listed ids score -inf at the one step where the decoder holds exactly {@code beginIndex} tokens,
 * i.e. for the first token that is generated rather than forced.
 *
 * <p>For encoder-decoder models transformers 4.46.3 sets {@code beginIndex} to the decoder prompt
 * length (1, the start token), or one more when {@code forced_bos_token_id} is set, because the
 * forced token is not the model's choice; see {@link #beginIndex}.
 */
public final class SuppressTokensAtBeginLogitsProcessor implements LogitsProcessor {
    private final int[] tokenIds;
    private final int beginIndex;

    public SuppressTokensAtBeginLogitsProcessor(int beginIndex, int... tokenIds) {
        this.tokenIds = tokenIds.clone();
        this.beginIndex = beginIndex;
    }

    /**
     * The step transformers 4.46.3's {@code _get_logits_processor} picks: the decoder prompt length,
     * plus one when the prompt is a lone start token and a BOS token is forced after it.
     */
    public static int beginIndex(int decoderPromptLength, @Nullable Integer forcedBosTokenId) {
        return decoderPromptLength > 1 || forcedBosTokenId == null ? decoderPromptLength : decoderPromptLength + 1;
    }

    public int beginIndex() {
        return beginIndex;
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        if (LogitsProcessor.curLen(inputIds) == beginIndex) {
            SuppressTokensLogitsProcessor.suppress(tokenIds, scores);
        }
    }
}
