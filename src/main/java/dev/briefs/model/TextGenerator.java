package dev.briefs.model;

import dev.briefs.chunk.TokenCounter;

/** A text-to-text model as the summary and translation steps use it: one text in, one generated text out. */
public interface TextGenerator {

    /** Generates with the model's own settings. */
    Seq2SeqGenerator.Result generate(String text);

    /** Counts tokens as this model's tokenizer does, without special tokens. */
    TokenCounter tokenCounter();

    /** The most content tokens one input can hold. */
    int maxInputTokens();
}
