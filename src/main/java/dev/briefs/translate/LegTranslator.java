package dev.briefs.translate;

import dev.briefs.batch.BatchedGeneration;
import dev.briefs.batch.ModelInputs;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.ForcedWords;
import dev.briefs.inference.GenerationModels;
import dev.briefs.inference.TextGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one step of many routes at once: each text through one model. Texts are split into sentences
 * and packed into chunks that fit their model, and the chunks of all the texts for one model share
 * model calls ({@link BatchedGeneration}); a chunk that fails is recorded while the others still
 * translate. A leg that writes its brief's language forces each chunk to hold the house style's renderings of the
 * terms that chunk has ({@link TermConstraints}); a term its model cannot force is said in the brief.
 */
final class LegTranslator {

    /**
     * One text through one model.
     *
     * @param briefLanguage the language of the brief it is for, which its degradations concern
     */
    record Leg(String model, String text, String source, String target, String briefLanguage) {}

    /**
     * What a leg gave: the chunks' texts joined, or null when none translated.
     *
     * @param confidence the model's mean log-probability per generated token over the leg's chunks
     */
    record Done(String text, int chunks, List<ChunkFailure> failures, List<Degradation> degraded, double confidence) {}

    private final GenerationModels models;
    private final int maxChunkTokens;
    private final BatchedGeneration batches;
    private final TermConstraints terms;
    private final Map<String, SentenceSplitter> splitters = new ConcurrentHashMap<>();

    LegTranslator(GenerationModels models, int maxChunkTokens, BatchedGeneration batches, TermConstraints terms) {
        this.models = models;
        this.maxChunkTokens = maxChunkTokens;
        this.batches = batches;
        this.terms = terms;
    }

    /** Results in the order of the legs; each leg's model is installed and knows its languages. */
    List<Done> run(List<Leg> legs) {
        Done[] out = new Done[legs.size()];
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < legs.size(); i++) {
            byModel.computeIfAbsent(legs.get(i).model(), m -> new ArrayList<>()).add(i);
        }
        byModel.forEach((model, positions) -> run(model, models.get(model), positions, legs, out));
        return List.of(out);
    }

    private void run(String model, TextGenerator generator, List<Integer> positions, List<Leg> legs, Done[] out) {
        List<List<Chunk>> chunks = new ArrayList<>();
        List<BatchedGeneration.Input> inputs = new ArrayList<>();
        List<Set<String>> notForced = new ArrayList<>();
        Map<List<List<String>>, ForcedWords> forceable = new HashMap<>();
        for (int p : positions) {
            Leg leg = legs.get(p);
            List<Chunk> packed = chunks(leg, generator);
            chunks.add(packed);
            Set<String> refused = new LinkedHashSet<>();
            for (Chunk c : packed) {
                // The first leg of a pivot writes English for the second: the style is the brief language's.
                List<List<String>> wanted = leg.target().equals(leg.briefLanguage())
                        ? terms.of(c.text(), leg.source(), leg.target())
                        : List.of();
                ForcedWords forced =
                        wanted.isEmpty() ? ForcedWords.NONE : forceable.computeIfAbsent(wanted, generator::forceable);
                refused.addAll(forced.refused());
                inputs.add(new BatchedGeneration.Input(c.text(), leg.source(), leg.target(), forced.kept()));
            }
            notForced.add(refused);
        }
        List<BatchedGeneration.Output> outputs = batches.run(generator, inputs);
        int next = 0;
        for (int k = 0; k < positions.size(); k++) {
            List<BatchedGeneration.Output> mine =
                    outputs.subList(next, next + chunks.get(k).size());
            List<String> translated = new ArrayList<>();
            List<ChunkFailure> failures = new ArrayList<>();
            for (Chunk chunk : chunks.get(k)) {
                BatchedGeneration.Output o = outputs.get(next++);
                if (o.ok()) {
                    translated.add(o.text());
                } else {
                    failures.add(ChunkFailure.of(chunk, o.failure()));
                }
            }
            Leg leg = legs.get(positions.get(k));
            List<Degradation> degraded =
                    new ArrayList<>(ModelInputs.cutSentences(chunks.get(k), generator, model, leg.briefLanguage()));
            for (String refused : notForced.get(k)) {
                degraded.add(new Degradation(
                        Degradation.STYLE_NOT_FORCED,
                        leg.briefLanguage(),
                        "the house style's term " + refused + " was not forced into the translation"));
            }
            out[positions.get(k)] = new Done(
                    translated.isEmpty() ? null : String.join(" ", translated),
                    chunks.get(k).size(),
                    failures,
                    degraded,
                    BatchedGeneration.meanLogProb(mine));
        }
    }

    private List<Chunk> chunks(Leg leg, TextGenerator generator) {
        List<String> sentences =
                splitters.computeIfAbsent(leg.source(), SentenceSplitter::new).split(leg.text());
        return new ChunkPacker(generator.tokenCounter(), Math.min(maxChunkTokens, generator.maxInputTokens()))
                .pack(sentences);
    }
}
