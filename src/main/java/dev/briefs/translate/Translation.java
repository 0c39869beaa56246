package dev.briefs.translate;

import dev.briefs.chunk.ChunkFailure;
import dev.briefs.failure.Degradation;
import java.util.List;

/**
 * A text in a target language.
 *
 * @param text        the translation, or {@code null} when no chunk could be translated
 * @param model       the model asked to write the target language (also when it is missing); for a
 *                    pivot, the second one
 * @param chunksTotal the model inputs it took: the source text's chunks, and for a pivot the English
 *                    text's chunks as well
 * @param failures    chunks that could not be translated
 * @param degraded    what made it worse than asked for, though it did not fail
 * @param route       the models it went through, or {@code null} when there was no route to take
 */
public record Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures,
                          List<Degradation> degraded, TranslationRoute route) {

    public Translation {
        failures = List.copyOf(failures);
        degraded = List.copyOf(degraded);
    }

    public Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures,
                       List<Degradation> degraded) {
        this(text, model, chunksTotal, failures, degraded, null);
    }

    public Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures) {
        this(text, model, chunksTotal, failures, List.of(), null);
    }

    /** Nothing could be translated, for one reason that holds for the whole text (such as a missing model). */
    public static Translation failed(String model, String errorType, String error) {
        return failed(model, errorType, error, null);
    }

    static Translation failed(String model, String errorType, String error, TranslationRoute route) {
        return new Translation(null, model, 1, List.of(new ChunkFailure(0, errorType, error, 1)), List.of(), route);
    }

    public int chunksFailed() {
        return failures.size();
    }

    /** The first failure, for people; {@code null} when none. */
    public String error() {
        return failures.isEmpty() ? null : failures.get(0).message();
    }
}
