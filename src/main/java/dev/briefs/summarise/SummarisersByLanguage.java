package dev.briefs.summarise;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkPacker;
import java.util.List;
import java.util.Map;

/** Routes each language to the summariser the job file names for it, and every other language to a fallback. */
public final class SummarisersByLanguage implements Summariser {

    private final Map<String, Summariser> byLanguage;
    private final Summariser fallback;

    public SummarisersByLanguage(Map<String, Summariser> byLanguage, Summariser fallback) {
        this.byLanguage = Map.copyOf(byLanguage);
        this.fallback = fallback;
    }

    private Summariser forLanguage(String language) {
        return byLanguage.getOrDefault(language, fallback);
    }

    @Override
    public ChunkPacker packerFor(String language) {
        return forLanguage(language).packerFor(language);
    }

    @Override
    public Summary summarise(List<Chunk> chunks, String language, int maxWords) {
        return forLanguage(language).summarise(chunks, language, maxWords);
    }
}
