package dev.briefs.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An ordered list of processors, applied one after the other. */
public final class LogitsProcessorList implements LogitsProcessor {
    private final List<LogitsProcessor> processors;

    public LogitsProcessorList(List<LogitsProcessor> processors) {
        this.processors = List.copyOf(processors);
    }

    public List<LogitsProcessor> processors() {
        return Collections.unmodifiableList(processors);
    }

    @Override
    public void process(int[][] inputIds, float[][] scores) {
        for (LogitsProcessor p : processors) {
            p.process(inputIds, scores);
        }
    }

    /**
     * Builds the processors of a (resolved) config in the order of transformers' {@code
     * GenerationMixin._get_logits_processor} (4.46.3): repetition penalty, no-repeat n-gram, bad
     * words, min length, min new tokens, forced BOS, forced EOS, inf/NaN removal, suppress tokens,
     * suppress tokens at begin, and log-softmax renormalisation last. The order matters: a token that
     * one processor bans can be forced back by a later one, and renormalisation sees them all.
     *
     * @param config the settings
     * @param maxLength the effective total decoder length limit (see {@link
     *     GenerationConfig#effectiveMaxLength(int)})
     * @param decoderPromptLength decoder tokens present before generation (1: the start token)
     */
    public static LogitsProcessorList fromConfig(GenerationConfig config, int maxLength, int decoderPromptLength) {
        List<LogitsProcessor> list = new ArrayList<>();
        int[] eos = config.getEosTokenId();
        if (config.getRepetitionPenalty() != 1.0) {
            list.add(new RepetitionPenaltyLogitsProcessor(config.getRepetitionPenalty()));
        }
        if (config.getNoRepeatNgramSize() > 0) {
            list.add(new NoRepeatNGramLogitsProcessor(config.getNoRepeatNgramSize()));
        }
        if (config.getBadWordsIds() != null && !config.getBadWordsIds().isEmpty()) {
            list.add(new NoBadWordsLogitsProcessor(config.getBadWordsIds(), eos));
        }
        int minLength = config.effectiveMinLength(decoderPromptLength);
        if (eos != null && eos.length > 0 && minLength > 0) {
            list.add(new MinLengthLogitsProcessor(minLength, eos));
        }
        if (eos != null && eos.length > 0 && config.getMinNewTokens() != null && config.getMinNewTokens() > 0) {
            list.add(new MinNewTokensLengthLogitsProcessor(decoderPromptLength, config.getMinNewTokens(), eos));
        }
        if (config.getForcedBosTokenId() != null) {
            list.add(new ForcedBOSTokenLogitsProcessor(config.getForcedBosTokenId()));
        }
        if (config.getForcedEosTokenId() != null && config.getForcedEosTokenId().length > 0) {
            list.add(new ForcedEOSTokenLogitsProcessor(maxLength, config.getForcedEosTokenId()));
        }
        if (config.isRemoveInvalidValues()) {
            list.add(new InfNanRemoveLogitsProcessor());
        }
        if (config.getSuppressTokens() != null) {
            list.add(new SuppressTokensLogitsProcessor(config.getSuppressTokens()));
        }
        if (config.getBeginSuppressTokens() != null) {
            int begin =
                    SuppressTokensAtBeginLogitsProcessor.beginIndex(decoderPromptLength, config.getForcedBosTokenId());
            list.add(new SuppressTokensAtBeginLogitsProcessor(begin, config.getBeginSuppressTokens()));
        }
        if (config.isRenormalizeLogits()) {
            list.add(new LogitNormalization());
        }
        return new LogitsProcessorList(list);
    }
}
