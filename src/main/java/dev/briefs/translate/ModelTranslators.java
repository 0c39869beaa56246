package dev.briefs.translate;

import dev.briefs.batch.BatchedGeneration;
import dev.briefs.batch.ModelInputs;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.TextGenerator;
import dev.briefs.inference.UnknownLanguageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translates with the model the job file names for a language pair (such as {@code en-uk}).
 * Each text is split into sentences and packed into chunks that fit the model; the chunks of all
 * the texts for one model share model calls ({@link BatchedGeneration}), and a chunk that fails is
 * recorded while the others still translate. When no model is named for the pair, or the named
 * model is not installed, the translation fails with that reason: a translation is never invented
 * or copied from the source.
 *
 * <p>The pair's languages go to the model with each call: a multilingual model (NLLB) uses them
 * to pick its language tokens, a model made for the pair (Marian) ignores them. A multilingual
 * model that does not know one of the languages fails the translation with an error naming it.
 */
public final class ModelTranslators implements Translator {

    private final Map<String, String> modelByPair;
    private final GenerationModels models;
    private final int maxChunkTokens;
    private final BatchedGeneration batches;
    private final Map<String, SentenceSplitter> splitters = new ConcurrentHashMap<>();

    /** A text's chunks, waiting for their model's calls. */
    private record Pending(int position, String model, List<Chunk> chunks) {
    }

    /**
     * @param maxChunkTokens upper bound on a chunk's tokens; the model's own position limit applies too
     */
    public ModelTranslators(Map<String, String> modelByPair, GenerationModels models, int maxChunkTokens,
                            BatchedGeneration batches) {
        this.modelByPair = Map.copyOf(modelByPair);
        this.models = models;
        this.maxChunkTokens = maxChunkTokens;
        this.batches = batches;
    }

    /** Loads every named model that is installed, so that a broken one stops the run before it starts. */
    public void loadInstalled() {
        modelByPair.values().stream().distinct().filter(models::installed).forEach(models::get);
    }

    @Override
    public List<Translation> translateAll(List<Request> requests) {
        Translation[] out = new Translation[requests.size()];
        Map<String, List<Pending>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            String pair = r.sourceLanguage() + "-" + r.targetLanguage();
            String model = modelByPair.get(pair);
            if (model == null) {
                out[i] = Translation.failed(null, "NoModelConfigured", "no translation model for " + pair
                        + " in the job file (models.translate." + pair + ")");
            } else if (!models.installed(model)) {
                out[i] = Translation.failed(model, "ModelNotInstalled", "model not installed: " + model
                        + " (install it with: java -jar target/briefs.jar models fetch " + model + ")");
            } else {
                TextGenerator generator = models.get(model);
                try {
                    generator.checkLanguages(r.sourceLanguage(), r.targetLanguage());
                    byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(new Pending(i, model, chunks(r, generator)));
                } catch (UnknownLanguageException e) {
                    out[i] = Translation.failed(model, "UnknownLanguage", e.getMessage());
                }
            }
        }
        byModel.forEach((model, pending) -> translate(models.get(model), pending, requests, out));
        return java.util.Arrays.asList(out);
    }

    private List<Chunk> chunks(Request r, TextGenerator generator) {
        List<String> sentences = splitters.computeIfAbsent(r.sourceLanguage(), SentenceSplitter::new).split(r.text());
        return new ChunkPacker(generator.tokenCounter(), Math.min(maxChunkTokens, generator.maxInputTokens())).pack(sentences);
    }

    private void translate(TextGenerator generator, List<Pending> pending, List<Request> requests, Translation[] out) {
        List<BatchedGeneration.Input> inputs = new ArrayList<>();
        for (Pending p : pending) {
            Request r = requests.get(p.position());
            p.chunks().forEach(c -> inputs.add(new BatchedGeneration.Input(c.text(), r.sourceLanguage(), r.targetLanguage())));
        }
        List<BatchedGeneration.Output> outputs = batches.run(generator, inputs);
        int next = 0;
        for (Pending p : pending) {
            List<String> translated = new ArrayList<>();
            List<ChunkFailure> failures = new ArrayList<>();
            List<BatchedGeneration.Output> mine = outputs.subList(next, next + p.chunks().size());
            for (Chunk chunk : p.chunks()) {
                BatchedGeneration.Output o = outputs.get(next++);
                if (o.ok()) {
                    translated.add(o.text());
                } else {
                    failures.add(ChunkFailure.of(chunk, o.failure()));
                }
            }
            String joined = translated.isEmpty() ? null : String.join(" ", translated);
            String target = requests.get(p.position()).targetLanguage();
            out[p.position()] = new Translation(joined, p.model(), p.chunks().size(), failures,
                    ModelInputs.cutSentences(p.chunks(), generator, p.model(), target), BatchedGeneration.meanLogProb(mine));
        }
    }
}
