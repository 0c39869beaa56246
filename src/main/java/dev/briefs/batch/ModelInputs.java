package dev.briefs.batch;

import dev.briefs.chunk.Chunk;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.TextGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model does not read of its inputs. Chunks hold whole sentences, so a sentence longer than
 * the model's input limit gets a chunk of its own and the model reads only its beginning, as the
 * {@code transformers} pipeline does; the brief must say so.
 */
public final class ModelInputs {

    private ModelInputs() {}

    /** One degradation for each chunk longer than the model reads. */
    public static List<Degradation> cutSentences(
            List<Chunk> chunks, TextGenerator model, String modelName, String language) {
        int limit = model.maxInputTokens();
        List<Degradation> cut = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (chunk.tokens() > limit) {
                cut.add(new Degradation(
                        Degradation.SENTENCE_CUT,
                        language,
                        "a sentence of " + chunk.tokens() + " tokens is longer than " + modelName + " reads (" + limit
                                + " tokens): only its beginning was used"));
            }
        }
        return cut;
    }
}
