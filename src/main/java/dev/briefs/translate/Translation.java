package dev.briefs.translate;

/**
 * A text in a target language.
 *
 * @param text         the translation, or {@code null} when no chunk could be translated
 * @param model        the model asked to translate (also when it is missing)
 * @param chunksTotal  chunks of the source text
 * @param chunksFailed chunks that could not be translated
 * @param error        why, for the first failed chunk; {@code null} when all succeeded
 */
public record Translation(String text, String model, int chunksTotal, int chunksFailed, String error) {

    public static Translation failed(String model, String error) {
        return new Translation(null, model, 1, 1, error);
    }
}
