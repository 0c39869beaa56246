package dev.briefs.trust;

import dev.briefs.eval.CorpusChrf;
import dev.briefs.inference.SentenceEmbeddingModel;
import java.util.List;

/**
 * How close a text translated back is to its source: by meaning for English, the language the bundled
 * all-MiniLM-L6-v2 was trained on, and by character n-grams (sentence-level chrF, as sacrebleu) for the
 * languages it was not, where its vectors say little.
 */
public final class RoundTripScorer {

    private static final String ENGLISH = "en";

    private final SentenceEmbeddingModel embeddings;
    private final CorpusChrf chrf = CorpusChrf.chrf();

    /** @param embeddings the bundled model; each text is embedded alone, so a score never depends on other texts */
    public RoundTripScorer(SentenceEmbeddingModel embeddings) {
        this.embeddings = embeddings;
    }

    /** {@link RoundTrip#EMBEDDING} or {@link RoundTrip#CHRF}. */
    public String measureFor(String language) {
        return ENGLISH.equals(language) ? RoundTrip.EMBEDDING : RoundTrip.CHRF;
    }

    /**
     * @param source the text that was translated, in {@code language}
     * @param back   its translation translated back into {@code language}
     * @return the cosine of the two texts' vectors (texts beyond the model's 256 tokens are read to there),
     *         or chrF2 from 0 to 100
     */
    public double score(String source, String back, String language) {
        if (measureFor(language).equals(RoundTrip.CHRF)) {
            return chrf.score(List.of(back), List.of(source));
        }
        float[][] v = embeddings.embed(List.of(source, back));
        double dot = 0;
        for (int i = 0; i < v[0].length; i++) {
            dot += (double) v[0][i] * v[1][i];
        }
        return dot;
    }
}
