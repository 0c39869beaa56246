package dev.briefs.summarise;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.model.Seq2SeqGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarises with a sequence-to-sequence model (such as distilbart-cnn), one call per chunk with
 * the model's own generation settings. The chunk summaries are joined in order and kept to the
 * brief's word limit by whole sentences.
 */
public final class AbstractiveSummariser implements Summariser {

    private final String modelName;
    private final Seq2SeqGenerator generator;
    private final int maxChunkTokens;

    public AbstractiveSummariser(String modelName, Seq2SeqGenerator generator, int maxChunkTokens) {
        this.modelName = modelName;
        this.generator = generator;
        this.maxChunkTokens = maxChunkTokens;
    }

    @Override
    public ChunkPacker packerFor(String language) {
        return new ChunkPacker(generator.tokenCounter(), Math.min(maxChunkTokens, generator.maxInputTokens()));
    }

    @Override
    public Summary summarise(List<Chunk> chunks, String language, int maxWords) {
        List<String> parts = new ArrayList<>();
        int failed = 0;
        String firstError = null;
        for (Chunk chunk : chunks) {
            try {
                String part = generator.generate(chunk.text()).text().strip();
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            } catch (RuntimeException e) {
                failed++;
                if (firstError == null) {
                    firstError = "chunk " + chunk.index() + ": " + e.getMessage();
                }
            }
        }
        if (parts.isEmpty()) {
            return new Summary(null, modelName, chunks.size(), failed,
                    firstError != null ? firstError : "the model produced an empty summary");
        }
        String text = WordLimit.fit(String.join(" ", parts), new SentenceSplitter(language), maxWords);
        return new Summary(text, modelName, chunks.size(), failed, firstError);
    }
}
