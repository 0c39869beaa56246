package dev.briefs.inference;

import dev.briefs.chunk.TokenCounter;
import dev.briefs.inference.onnx.CallMemory;
import java.util.List;

/** A text-to-text model as the summary and translation steps use it: one text in, one generated text out. */
public interface TextGenerator {

    /** Generates with the model's own settings. */
    Seq2SeqGenerator.Result generate(String text);

    /**
     * Generates from a text in one language into another (ISO 639-1 codes such as {@code en}, {@code uk}).
     * A model made for one language pair (Marian opus-mt) ignores the languages; a multilingual model
     * (NLLB) marks the input with the source language and forces the target language's token first.
     *
     * @throws UnknownLanguageException when a multilingual model does not know one of the languages
     */
    default Seq2SeqGenerator.Result generate(String text, String sourceLanguage, String targetLanguage) {
        return generate(text);
    }

    /**
     * Whether the model serves many language pairs and is told the pair with each call (NLLB), as
     * opposed to a model made for one pair (Marian opus-mt). Translation routes record which it is.
     */
    default boolean multilingual() {
        return false;
    }

    /**
     * Checks that the model can translate between the languages, before any text is sent.
     *
     * @throws UnknownLanguageException naming the language the model does not know
     */
    default void checkLanguages(String sourceLanguage, String targetLanguage) {}

    /**
     * The length in tokens of a text as the model reads it: special (and language) tokens
     * included, cut at the model's limit. Batches are planned by it.
     */
    default int inputLength(String text, String sourceLanguage) {
        return Math.min(tokenCounter().count(text) + 1, maxInputTokens() + 1);
    }

    /**
     * Whether a row's result is independent of the other rows of its batch, given the same padded
     * length. Only then may inputs of different articles share a model call, since a brief must
     * not depend on what else ran that night. False unless an implementation has shown it.
     */
    default boolean rowsIndependent() {
        return false;
    }

    /**
     * Generates for several texts in one model call, each padded to at least {@code padTo} tokens,
     * results in order. The default makes one call per text, which is always safe.
     */
    default List<Seq2SeqGenerator.Result> generateBatch(
            List<String> texts, String sourceLanguage, String targetLanguage, int padTo) {
        return texts.stream()
                .map(t -> generate(t, sourceLanguage, targetLanguage))
                .toList();
    }

    /**
     * Generates for several texts in one model call, as {@link #generateBatch(List, String, String, int)} does, with
     * words every output must contain ({@code force_words_ids}, transformers' constrained beam search): one list per
     * constraint, holding its accepted forms (several: a disjunctive constraint). Give only what {@link #forceable}
     * kept. Without words this is the plain call.
     *
     * @throws UnsupportedOperationException when words are given to a model that forces none
     */
    default List<Seq2SeqGenerator.Result> generateBatch(
            List<String> texts,
            String sourceLanguage,
            String targetLanguage,
            int padTo,
            List<List<String>> forceWords) {
        if (!forceWords.isEmpty()) {
            throw new UnsupportedOperationException("this model forces no words: " + forceWords);
        }
        return generateBatch(texts, sourceLanguage, targetLanguage, padTo);
    }

    /**
     * Which of the constraints this model can force into its outputs, each kept with the accepted forms it can write,
     * and why the others cannot be forced. A model that forces no words (the default: greedy search, or a model
     * that does not say) refuses them all.
     */
    default ForcedWords forceable(List<List<String>> constraints) {
        return ForcedWords.refusingAll(constraints, "the model does not force words");
    }

    /**
     * What one call of this model holds in memory, by its shape, so that calls can be kept within {@code
     * batch.max-call-mib}. Unknown unless an implementation knows the model's dimensions.
     */
    default CallMemory callMemory() {
        return CallMemory.UNKNOWN;
    }

    /**
     * What decides this model's output besides its files and its input, as text: the graphs it
     * loaded, its session and generation settings. Outputs are cached under it (with the files'
     * fingerprint), so two generators with the same fingerprint must give the same output for the
     * same input. Null when unknown: then nothing it generates is cached.
     */
    default String settingsFingerprint() {
        return null;
    }

    /** Counts tokens as this model's tokenizer does, without special tokens. */
    TokenCounter tokenCounter();

    /** The most content tokens one input can hold. */
    int maxInputTokens();
}
