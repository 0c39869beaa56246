package dev.briefs.summarise;

/**
 * A summary in the article's own language.
 *
 * @param text         whole sentences, or {@code null} when no chunk could be summarised
 * @param model        what produced it
 * @param chunksTotal  chunks of the article the summariser was given
 * @param chunksFailed chunks whose model call failed; their sentences are missing from the choice
 * @param error        the first failure, or {@code null}
 */
public record Summary(String text, String model, int chunksTotal, int chunksFailed, String error) {

    public boolean ok() {
        return text != null && chunksFailed == 0;
    }
}
