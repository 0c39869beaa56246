package dev.briefs.summarise;

import dev.briefs.batch.BatchedGeneration;
import dev.briefs.batch.ModelInputs;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.TextGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Summarises with a sequence-to-sequence model (such as distilbart-cnn) with the model's own
 * generation settings, one model input per chunk. The chunks of all the articles given at once
 * share model calls ({@link BatchedGeneration}); each article's chunk summaries are joined in
 * order and kept to the brief's word limit by whole sentences.
 */
public final class AbstractiveSummariser implements Summariser {

    private final String modelName;
    private final TextGenerator generator;
    private final int maxChunkTokens;
    private final BatchedGeneration batches;
    private final Map<String, SentenceSplitter> splitters = new ConcurrentHashMap<>();

    public AbstractiveSummariser(String modelName, TextGenerator generator, int maxChunkTokens, BatchedGeneration batches) {
        this.modelName = modelName;
        this.generator = generator;
        this.maxChunkTokens = maxChunkTokens;
        this.batches = batches;
    }

    @Override
    public ChunkPacker packerFor(String language) {
        return new ChunkPacker(generator.tokenCounter(), Math.min(maxChunkTokens, generator.maxInputTokens()));
    }

    @Override
    public List<Summary> summariseAll(List<Request> requests) {
        List<BatchedGeneration.Input> inputs = new ArrayList<>();
        for (Request r : requests) {
            for (Chunk chunk : r.chunks()) {
                inputs.add(new BatchedGeneration.Input(chunk.text(), r.language(), r.language()));
            }
        }
        List<BatchedGeneration.Output> outputs = batches.run(generator, inputs);
        List<Summary> summaries = new ArrayList<>();
        int next = 0;
        for (Request r : requests) {
            List<BatchedGeneration.Output> own = outputs.subList(next, next + r.chunks().size());
            next += r.chunks().size();
            summaries.add(assemble(r, own));
        }
        return summaries;
    }

    private Summary assemble(Request request, List<BatchedGeneration.Output> outputs) {
        List<String> parts = new ArrayList<>();
        List<ChunkFailure> failures = new ArrayList<>();
        List<Degradation> degraded = new ArrayList<>(ModelInputs.cutSentences(request.chunks(), generator, modelName,
                request.language()));
        for (int i = 0; i < outputs.size(); i++) {
            BatchedGeneration.Output out = outputs.get(i);
            if (out.ok()) {
                if (!out.text().isEmpty()) {
                    parts.add(out.text());
                } else if (outputs.size() > 1) {
                    degraded.add(new Degradation(Degradation.EMPTY_CHUNK_SUMMARY, request.language(), "the summary of part "
                            + (i + 1) + " of " + outputs.size() + " came back empty: that part is missing from the summary"));
                }
            } else {
                failures.add(ChunkFailure.of(request.chunks().get(i), out.failure()));
            }
        }
        List<Chunk> chunks = request.chunks();
        if (parts.isEmpty()) {
            return new Summary(null, modelName, Math.max(1, chunks.size()), failures.isEmpty()
                    ? List.of(new ChunkFailure(0, "EmptySummary", "the model produced an empty summary", 1))
                    : failures);
        }
        SentenceSplitter splitter = splitters.computeIfAbsent(request.language(), SentenceSplitter::new);
        String joined = String.join(" ", parts);
        if (WordLimit.cutsASentence(joined, splitter, request.maxWords())) {
            degraded.add(WordLimit.cut(request.language(), request.maxWords()));
        }
        return new Summary(WordLimit.fit(joined, splitter, request.maxWords()), modelName, chunks.size(), failures, degraded);
    }
}
