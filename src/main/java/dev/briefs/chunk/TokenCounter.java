package dev.briefs.chunk;

/** Counts tokens the way the model that will read the text counts them. */
@FunctionalInterface
public interface TokenCounter {

    int count(String text);
}
