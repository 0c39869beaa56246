package dev.briefs.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs sentences, in order, into as few chunks as fit a token budget. A sentence is never split:
 * one that alone exceeds the budget gets a chunk of its own, and the model reading it truncates it
 * at its own limit.
 */
public final class ChunkPacker {

    private final TokenCounter counter;
    private final int maxTokens;

    public ChunkPacker(TokenCounter counter, int maxTokens) {
        if (maxTokens < 8) {
            throw new IllegalArgumentException(
                    "a chunk budget of " + maxTokens + " tokens is too small; use 8 or more");
        }
        this.counter = counter;
        this.maxTokens = maxTokens;
    }

    public List<Chunk> pack(List<String> sentences) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int currentTokens = 0;
        for (String sentence : sentences) {
            int tokens = counter.count(sentence);
            if (!current.isEmpty() && currentTokens + tokens > maxTokens) {
                chunks.add(new Chunk(chunks.size(), current, currentTokens));
                current = new ArrayList<>();
                currentTokens = 0;
            }
            current.add(sentence);
            currentTokens += tokens;
        }
        if (!current.isEmpty()) {
            chunks.add(new Chunk(chunks.size(), current, currentTokens));
        }
        return chunks;
    }
}
