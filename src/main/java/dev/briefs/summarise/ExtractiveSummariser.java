package dev.briefs.summarise;

import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkCalls;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.SentenceEmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The offline default: picks the article's own most central, least redundant sentences
 * (see {@link SentenceRanker}) up to a word limit, and gives them in the article's order.
 * Languages the embedding model knows get semantic vectors; any other language gets
 * {@link LexicalVectors}. A chunk whose vectors cannot be computed is left out of the choice
 * and counted as failed; the summary is built from the rest.
 */
public final class ExtractiveSummariser implements Summariser {

    private final SentenceVectors embedding;
    private final Set<String> embeddingLanguages;
    private final SentenceVectors fallback;
    private final ModelCallRetry retry;

    /**
     * The night's extractive summariser: sentences ranked by the bundled all-MiniLM-L6-v2 for English, which it
     * was trained on, and by language-agnostic lexical vectors for every other language.
     *
     * @param chunkTokens the job's limit on a chunk's tokens; the embedding model's own limit applies too
     */
    public static ExtractiveSummariser bundled(
            SentenceEmbeddingModel embeddings, int chunkTokens, ModelCallRetry retry) {
        return new ExtractiveSummariser(
                new EmbeddingVectors(embeddings, Math.min(chunkTokens, SentenceEmbeddingModel.MAX_TOKENS - 2)),
                Set.of("en"),
                new LexicalVectors(),
                retry);
    }

    public ExtractiveSummariser(
            SentenceVectors embedding, Set<String> embeddingLanguages, SentenceVectors fallback, ModelCallRetry retry) {
        this.embedding = embedding;
        this.embeddingLanguages = Set.copyOf(embeddingLanguages);
        this.fallback = fallback;
        this.retry = retry;
    }

    private SentenceVectors vectorsFor(String language) {
        return embeddingLanguages.contains(language) ? embedding : fallback;
    }

    @Override
    public ChunkPacker packerFor(String language) {
        SentenceVectors v = vectorsFor(language);
        return new ChunkPacker(v.tokenCounter(), v.maxTokensPerCall());
    }

    /** One article at a time: the sentence vectors are cheap next to a generation model's work. */
    @Override
    public List<Summary> summariseAll(List<Request> requests) {
        return requests.stream()
                .map(r -> summarise(r.chunks(), r.language(), r.maxWords()))
                .toList();
    }

    @Override
    public Summary summarise(List<Chunk> chunks, String language, int maxWords) {
        SentenceVectors vectors = vectorsFor(language);
        String model = "extractive:" + vectors.modelName();
        ChunkCalls.Outcome<float[][]> outcome =
                ChunkCalls.run(chunks, chunk -> vectors.vectors(chunk.sentences()), retry);
        List<String> sentences = new ArrayList<>();
        List<float[]> sentenceVectors = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            if (outcome.results().get(c) != null) {
                sentences.addAll(chunks.get(c).sentences());
                sentenceVectors.addAll(List.of(outcome.results().get(c)));
            }
        }
        if (sentences.isEmpty()) {
            return new Summary(
                    null,
                    model,
                    Math.max(1, chunks.size()),
                    outcome.failures().isEmpty()
                            ? List.of(new ChunkFailure(0, "EmptyArticle", "the article has no sentences", 1))
                            : outcome.failures(),
                    List.of(),
                    SummaryPath.extractive(chunks.size()));
        }
        List<Integer> ranked = new SentenceRanker().rank(sentenceVectors.toArray(float[][]::new));
        boolean cut = sentences.stream().allMatch(s -> Words.count(s) > maxWords);
        List<Integer> chosen = choose(ranked, sentences, maxWords);
        chosen.sort(Comparator.naturalOrder());
        StringBuilder text = new StringBuilder();
        for (int i : chosen) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(sentences.get(i));
        }
        Summary summary = new Summary(
                text.toString(),
                model,
                chunks.size(),
                outcome.failures(),
                List.of(),
                SummaryPath.extractive(chunks.size()));
        return cut
                ? summary.with(new Degradation(
                        Degradation.SENTENCE_CUT,
                        language,
                        "no sentence of the article fits the " + "brief's " + maxWords
                                + " words (brief.max-words): the best one was cut at the limit"))
                : summary;
    }

    /**
     * Takes sentences in ranked order while they fit; one that does not fit is passed over for a
     * shorter one further down. If not even the best sentence fits, it is cut at the limit and
     * marked with an ellipsis: a brief is never longer than its limit.
     */
    static List<Integer> choose(List<Integer> ranked, List<String> sentences, int maxWords) {
        return fit(ranked, sentences, maxWords, false);
    }

    /** As {@link #choose}, but stops at the first sentence that does not fit: for text that must stay in order. */
    static List<Integer> choosePrefix(List<Integer> ordered, List<String> sentences, int maxWords) {
        return fit(ordered, sentences, maxWords, true);
    }

    private static List<Integer> fit(
            List<Integer> ranked, List<String> sentences, int maxWords, boolean stopAtFirstMiss) {
        List<Integer> chosen = new ArrayList<>();
        int words = 0;
        for (int i : ranked) {
            int w = Words.count(sentences.get(i));
            if (words + w <= maxWords) {
                chosen.add(i);
                words += w;
            } else if (stopAtFirstMiss) {
                break;
            }
        }
        if (chosen.isEmpty()) {
            int best = ranked.get(0);
            sentences.set(best, Words.truncate(sentences.get(best), maxWords));
            chosen.add(best);
        }
        return chosen;
    }
}
