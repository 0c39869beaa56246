package dev.briefs.translate;

import dev.briefs.chunk.ChunkFailure;
import java.util.List;

/**
 * A text in a target language.
 *
 * @param text        the translation, or {@code null} when no chunk could be translated
 * @param model       the model asked to translate (also when it is missing)
 * @param chunksTotal chunks of the source text
 * @param failures    chunks that could not be translated
 */
public record Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures) {

    public Translation {
        failures = List.copyOf(failures);
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
