package dev.briefs.summarise;

import dev.briefs.batch.BatchedGeneration;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.inference.TextGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Summarises with a sequence-to-sequence model (such as distilbart-cnn) with the model's own
 * generation settings. An article that fits one model input is summarised by one call; a longer one
 * by map-reduce ({@link ArticleReduction}): each chunk is summarised, then the joined summaries
 * again, round by round, until one call gives the summary, which is kept to the brief's word limit
 * by whole sentences. The inputs of all the articles given at once share model calls
 * ({@link BatchedGeneration}) round by round: the chunks of every article first, then every
 * article's first reduce round, and so on.
 */
public final class AbstractiveSummariser implements Summariser {

    private final String modelName;
    private final TextGenerator generator;
    private final int maxChunkTokens;
    private final BatchedGeneration batches;
    private final Map<String, SentenceSplitter> splitters = new ConcurrentHashMap<>();

    public AbstractiveSummariser(
            String modelName, TextGenerator generator, int maxChunkTokens, BatchedGeneration batches) {
        this.modelName = modelName;
        this.generator = generator;
        this.maxChunkTokens = maxChunkTokens;
        this.batches = batches;
    }

    @Override
    public ChunkPacker packerFor(String language) {
        return new ChunkPacker(generator.tokenCounter(), budget());
    }

    /** The most tokens of one model input: the job's chunk cap or the model's own limit, whichever is lower. */
    private int budget() {
        return Math.min(maxChunkTokens, generator.maxInputTokens());
    }

    @Override
    public List<Summary> summariseAll(List<Request> requests) {
        List<ArticleReduction> articles = new ArrayList<>();
        for (Request r : requests) {
            articles.add(new ArticleReduction(
                    r, modelName, generator, budget(), splitters.computeIfAbsent(r.language(), SentenceSplitter::new)));
        }
        // Every article takes part in the first round (the map), even one with no chunk, so that each gets a summary.
        List<ArticleReduction> round = articles;
        while (!round.isEmpty()) {
            List<BatchedGeneration.Input> inputs = new ArrayList<>();
            for (ArticleReduction a : round) {
                for (ArticleReduction.Input in : a.inputs()) {
                    inputs.add(new BatchedGeneration.Input(in.chunk().text(), a.language(), a.language()));
                }
            }
            List<BatchedGeneration.Output> outputs = batches.run(generator, inputs);
            int next = 0;
            for (ArticleReduction a : round) {
                int own = a.inputs().size();
                a.take(outputs.subList(next, next + own));
                next += own;
            }
            round = round.stream().filter(a -> !a.inputs().isEmpty()).toList();
        }
        return articles.stream().map(ArticleReduction::summary).toList();
    }
}
