package dev.briefs.summarise;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkPacker;
import java.util.List;

/** Summarises articles, each given as sentence-aligned chunks that fit the summariser's model. */
public interface Summariser {

    /**
     * One article's summary to make.
     *
     * @param maxWords upper bound on the summary's length in words
     */
    record Request(List<Chunk> chunks, String language, int maxWords) {}

    /** How to chunk an article in this language for this summariser's model. */
    ChunkPacker packerFor(String language);

    /**
     * @param maxWords upper bound on the summary's length in words
     */
    default Summary summarise(List<Chunk> chunks, String language, int maxWords) {
        return summariseAll(List.of(new Request(chunks, language, maxWords))).get(0);
    }

    /**
     * Summarises several articles, results in order. A summariser with a model may share model
     * calls between the articles; each summary is the same as it would be alone.
     */
    List<Summary> summariseAll(List<Request> requests);
}
