package dev.briefs.summarise;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkPacker;
import java.util.List;

/** Summarises one article, given as sentence-aligned chunks that fit the summariser's model. */
public interface Summariser {

    /** How to chunk an article in this language for this summariser's model. */
    ChunkPacker packerFor(String language);

    /**
     * @param maxWords upper bound on the summary's length in words
     */
    Summary summarise(List<Chunk> chunks, String language, int maxWords);
}
