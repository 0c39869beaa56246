package dev.briefs.summarise;

import dev.briefs.chunk.TokenCounter;
import java.util.List;

/** Turns the sentences of one article into vectors whose dot product says how alike two sentences are. */
public interface SentenceVectors {

    /** @return one unit-length vector per sentence (all of the same dimension within one call) */
    float[][] vectors(List<String> sentences);

    /** Name recorded in the brief as the model that chose its sentences. */
    String modelName();

    /** How the model counts tokens, so that each call gets sentences that fit. */
    TokenCounter tokenCounter();

    /** Tokens one call may take; sentences are packed into chunks of at most this many. */
    int maxTokensPerCall();
}
