package dev.briefs.chunk;

/**
 * A chunk whose model call still failed after its retries.
 *
 * @param chunkIndex the chunk's position in its text
 * @param errorType  the exception's simple class name, for grouping failures
 * @param message    what went wrong
 * @param attempts   how many times the call was made
 */
public record ChunkFailure(int chunkIndex, String errorType, String message, int attempts) {

    /** The failure of a chunk's call that failed for good. */
    public static ChunkFailure of(Chunk chunk, ModelCallRetry.Exhausted e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new ChunkFailure(chunk.index(), cause.getClass().getSimpleName(), e.getMessage(), e.attempts());
    }

    public String describe() {
        return "chunk " + chunkIndex + ": " + message;
    }
}
