package dev.briefs.summarise;

import dev.briefs.chunk.TokenCounter;
import dev.briefs.inference.SentenceEmbeddingModel;
import java.util.List;

/** Semantic sentence vectors from the bundled all-MiniLM-L6-v2 model (trained on English). */
public final class EmbeddingVectors implements SentenceVectors {

    private final SentenceEmbeddingModel model;
    private final int maxTokensPerCall;

    public EmbeddingVectors(SentenceEmbeddingModel model, int maxTokensPerCall) {
        this.model = model;
        this.maxTokensPerCall = maxTokensPerCall;
    }

    @Override
    public TokenCounter tokenCounter() {
        return model.tokenCounter();
    }

    @Override
    public int maxTokensPerCall() {
        return maxTokensPerCall;
    }

    @Override
    public float[][] vectors(List<String> sentences) {
        return model.embed(sentences);
    }

    @Override
    public String modelName() {
        return model.name();
    }
}
