package dev.briefs.summarise;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkCalls;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.model.TextGenerator;
import java.util.List;

/**
 * Summarises with a sequence-to-sequence model (such as distilbart-cnn), one call per chunk with
 * the model's own generation settings. The chunk summaries are joined in order and kept to the
 * brief's word limit by whole sentences.
 */
public final class AbstractiveSummariser implements Summariser {

    private final String modelName;
    private final TextGenerator generator;
    private final int maxChunkTokens;
    private final ModelCallRetry retry;
    private final java.util.Map<String, SentenceSplitter> splitters = new java.util.concurrent.ConcurrentHashMap<>();

    public AbstractiveSummariser(String modelName, TextGenerator generator, int maxChunkTokens, ModelCallRetry retry) {
        this.modelName = modelName;
        this.generator = generator;
        this.maxChunkTokens = maxChunkTokens;
        this.retry = retry;
    }

    @Override
    public ChunkPacker packerFor(String language) {
        return new ChunkPacker(generator.tokenCounter(), Math.min(maxChunkTokens, generator.maxInputTokens()));
    }

    @Override
    public Summary summarise(List<Chunk> chunks, String language, int maxWords) {
        ChunkCalls.Outcome<String> outcome = ChunkCalls.run(chunks,
                chunk -> generator.generate(chunk.text()).text().strip(), retry);
        List<String> parts = outcome.succeeded().stream().filter(p -> !p.isEmpty()).toList();
        if (parts.isEmpty()) {
            return new Summary(null, modelName, Math.max(1, chunks.size()), outcome.failures().isEmpty()
                    ? List.of(new ChunkFailure(0, "EmptySummary", "the model produced an empty summary", 1))
                    : outcome.failures());
        }
        String text = WordLimit.fit(String.join(" ", parts), splitters.computeIfAbsent(language, SentenceSplitter::new),
                maxWords);
        return new Summary(text, modelName, chunks.size(), outcome.failures());
    }
}
