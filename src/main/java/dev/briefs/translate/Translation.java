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
 * @param confidence  the model's mean log-probability per generated token over the translated chunks
 *                    (each chunk's mean weighted by its generated tokens; see
 *                    {@link dev.briefs.batch.BatchedGeneration#meanLogProb}): 0 is certain, lower is
 *                    less sure; for a pivot, the lower of its two legs' (a chain is as sure as its
 *                    least sure link); NaN when unknown (nothing translated, or a model that does not
 *                    give it)
 */
public record Translation(
        String text,
        String model,
        int chunksTotal,
        List<ChunkFailure> failures,
        List<Degradation> degraded,
        TranslationRoute route,
        double confidence) {

    public Translation {
        failures = List.copyOf(failures);
        degraded = List.copyOf(degraded);
    }

    /** A translation whose route and confidence are unknown. */
    public Translation(
            String text, String model, int chunksTotal, List<ChunkFailure> failures, List<Degradation> degraded) {
        this(text, model, chunksTotal, failures, degraded, null, Double.NaN);
    }

    public Translation(String text, String model, int chunksTotal, List<ChunkFailure> failures) {
        this(text, model, chunksTotal, failures, List.of(), null, Double.NaN);
    }

    /** Nothing could be translated, for one reason that holds for the whole text (such as a missing model). */
    public static Translation failed(String model, String errorType, String error) {
        return failed(model, errorType, error, null);
    }

    static Translation failed(String model, String errorType, String error, TranslationRoute route) {
        return new Translation(
                null, model, 1, List.of(new ChunkFailure(0, errorType, error, 1)), List.of(), route, Double.NaN);
    }

    public int chunksFailed() {
        return failures.size();
    }

    /** The first failure, for people; {@code null} when none. */
    public String error() {
        return failures.isEmpty() ? null : failures.get(0).message();
    }
}
