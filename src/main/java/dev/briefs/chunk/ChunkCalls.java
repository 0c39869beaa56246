package dev.briefs.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one model call per chunk, each with its retries, so that a chunk that fails for good is
 * recorded and the other chunks of the text still get their results.
 */
public final class ChunkCalls {

    /**
     * @param results per chunk, in chunk order; {@code null} where the chunk failed
     */
    public record Outcome<T>(List<T> results, List<ChunkFailure> failures) {

        public List<T> succeeded() {
            return results.stream().filter(r -> r != null).toList();
        }
    }

    private ChunkCalls() {}

    public static <T> Outcome<T> run(List<Chunk> chunks, Function<Chunk, T> call, ModelCallRetry retry) {
        List<T> results = new ArrayList<>();
        List<ChunkFailure> failures = new ArrayList<>();
        for (Chunk chunk : chunks) {
            try {
                results.add(retry.call(() -> call.apply(chunk)));
            } catch (ModelCallRetry.Exhausted e) {
                results.add(null);
                failures.add(ChunkFailure.of(chunk, e));
            }
        }
        return new Outcome<>(results, failures);
    }
}
