package dev.briefs.chunk;

import java.util.List;

/**
 * Consecutive whole sentences that fit one model call.
 *
 * @param index  position of the chunk in its article, from 0
 * @param tokens tokens the sentences take together, as the model's tokenizer counts them
 */
public record Chunk(int index, List<String> sentences, int tokens) {

    public Chunk {
        sentences = List.copyOf(sentences);
    }

    public String text() {
        return String.join(" ", sentences);
    }
}
