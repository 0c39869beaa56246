package dev.briefs.translate;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkCalls;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.model.GenerationModels;
import dev.briefs.model.TextGenerator;
import dev.briefs.model.UnknownLanguageException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translates with the model the job file names for a language pair (such as {@code en-uk}).
 * The text is split into sentences and packed into chunks that fit the model, each chunk one
 * model call: a chunk that fails is recorded and the others still translate. When no model is
 * named for the pair, or the named model is not installed, the translation fails with that
 * reason: a translation is never invented or copied from the source.
 *
 * <p>The pair's languages go to the model with each call: a multilingual model (NLLB) uses them
 * to pick its language tokens, a model made for the pair (Marian) ignores them. A multilingual
 * model that does not know one of the languages fails the translation with an error naming it.
 */
public final class ModelTranslators implements Translator {

    private final Map<String, String> modelByPair;
    private final GenerationModels models;
    private final int maxChunkTokens;
    private final ModelCallRetry retry;
    private final Map<String, SentenceSplitter> splitters = new ConcurrentHashMap<>();

    /**
     * @param maxChunkTokens upper bound on a chunk's tokens; the model's own position limit applies too
     */
    public ModelTranslators(Map<String, String> modelByPair, GenerationModels models, int maxChunkTokens,
                            ModelCallRetry retry) {
        this.modelByPair = Map.copyOf(modelByPair);
        this.models = models;
        this.maxChunkTokens = maxChunkTokens;
        this.retry = retry;
    }

    /** Loads every named model that is installed, so that a broken one stops the run before it starts. */
    public void loadInstalled() {
        modelByPair.values().stream().distinct().filter(models::installed).forEach(models::get);
    }

    @Override
    public Translation translate(String text, String sourceLanguage, String targetLanguage) {
        String pair = sourceLanguage + "-" + targetLanguage;
        String model = modelByPair.get(pair);
        if (model == null) {
            return Translation.failed(null, "NoModelConfigured", "no translation model for " + pair + " in the job file (models.translate."
                    + pair + ")");
        }
        if (!models.installed(model)) {
            return Translation.failed(model, "ModelNotInstalled", "model not installed: " + model
                    + " (install it with: java -jar target/briefs.jar models fetch " + model + ")");
        }
        TextGenerator generator = models.get(model);
        try {
            generator.checkLanguages(sourceLanguage, targetLanguage);
        } catch (UnknownLanguageException e) {
            return Translation.failed(model, "UnknownLanguage", e.getMessage());
        }
        List<String> sentences = splitters.computeIfAbsent(sourceLanguage, SentenceSplitter::new).split(text);
        List<Chunk> chunks = new ChunkPacker(generator.tokenCounter(), Math.min(maxChunkTokens, generator.maxInputTokens()))
                .pack(sentences);
        // One chunk a call: batching pads inputs, and padding changes what a quantized graph
        // computes, so a chunk's translation would depend on its neighbours.
        ChunkCalls.Outcome<String> outcome = ChunkCalls.run(chunks,
                chunk -> generator.generate(chunk.text(), sourceLanguage, targetLanguage).text().strip(), retry);
        List<String> translated = outcome.succeeded();
        String joined = translated.isEmpty() ? null : String.join(" ", translated);
        return new Translation(joined, model, chunks.size(), outcome.failures());
    }
}
