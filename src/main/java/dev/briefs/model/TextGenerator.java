package dev.briefs.model;

import dev.briefs.chunk.TokenCounter;

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
     * Checks that the model can translate between the languages, before any text is sent.
     *
     * @throws UnknownLanguageException naming the language the model does not know
     */
    default void checkLanguages(String sourceLanguage, String targetLanguage) {
    }

    /** Counts tokens as this model's tokenizer does, without special tokens. */
    TokenCounter tokenCounter();

    /** The most content tokens one input can hold. */
    int maxInputTokens();
}
