package dev.briefs.brief;

import dev.briefs.chunk.ChunkFailure;

/**
 * One unit of an article's work that failed for good: the article itself (stage {@code read} or
 * {@code process}) or one chunk of one stage in one language. These are what the failure ledger
 * keeps, and what {@code rerun-failed} does again.
 *
 * @param language   the language of the stage's output; {@code null} for {@code read} and {@code process}
 * @param chunkIndex the chunk within the stage; 0 for whole-article failures
 */
public record Failure(String stage, String language, int chunkIndex, String errorType, String message, int attempts) {

    public static final String READ = "read";
    public static final String SUMMARISE = "summarise";
    public static final String TRANSLATE = "translate";
    /** A check's own model work (a round trip) that failed; the brief is written, the check is redone later. */
    public static final String CHECK = "check";

    public static final String WRITE = "write";
    public static final String PROCESS = "process";

    static Failure of(String stage, String language, ChunkFailure chunk) {
        return new Failure(stage, language, chunk.chunkIndex(), chunk.errorType(), chunk.message(), chunk.attempts());
    }
}
