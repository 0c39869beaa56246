package dev.briefs.translate;

import dev.briefs.chunk.ChunkFailure;
import dev.briefs.failure.Degradation;
import java.util.List;

/**
 * A text in a target language.
 *
 * @param text        the translation, or {@code null} when no chunk could be translated
 * @param model       the model asked to translate (also when it is missing)
 * @param chunksTotal chunks of the source text
 * @param failures    chunks that could not be translated
 * @param degraded    what made it worse than asked for, though it did not fail
 * @param confidence  the model's mean log-probability per generated token over the translated chunks
 *                    (each chunk's mean weighted by its generated tokens; see
 *                    {@link dev.briefs.batch.BatchedGeneration#meanLogProb}): 0 is certain, lower is
 *                    less sure; NaN when unknown (nothing translated, or a model that does not give it)
 */
public record Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures,
                          List<Degradation> degraded, double confidence) {

    public Translation {
        failures = List.copyOf(failures);
        degraded = List.copyOf(degraded);
    }

    /** A translation whose confidence is unknown. */
    public Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures,
                       List<Degradation> degraded) {
        this(text, model, chunksTotal, failures, degraded, Double.NaN);
    }

    public Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures) {
        this(text, model, chunksTotal, failures, List.of());
    }

    /** Nothing could be translated, for one reason that holds for the whole text (such as a missing model). */
    public static Translation failed(String model, String errorType, String error) {
        return new Translation(null, model, 1, List.of(new ChunkFailure(0, errorType, error, 1)));
    }

    public int chunksFailed() {
        return failures.size();
    }

    /** The first failure, for people; {@code null} when none. */
    public String error() {
        return failures.isEmpty() ? null : failures.get(0).message();
    }
}
