package dev.briefs.story;

import java.util.ArrayList;
import java.util.List;

/**
 * The leads of the day embedded once by each model that reads them, and which model compares a pair:
 * two articles of one language by a model of that language when there is one (all-MiniLM-L6-v2 for
 * English), else, and across languages, by a multilingual model; with none, they are never compared.
 */
final class Similarities {

    /** A pair's similarity under the model that compared it. */
    record Similarity(EmbeddingSpace space, double cosine) {

        double margin() {
            return cosine - space.threshold();
        }
    }

    private final List<StoryArticle> articles;
    private final List<EmbeddingSpace> spaces;
    /** vectors.get(s)[i]: article i's lead embedded by space s, or null when that space does not read it. */
    private final List<float[][]> vectors = new ArrayList<>();

    Similarities(List<StoryArticle> articles, List<EmbeddingSpace> spaces) {
        this.articles = articles;
        this.spaces = spaces;
        for (EmbeddingSpace space : spaces) {
            List<Integer> read = new ArrayList<>();
            for (int i = 0; i < articles.size(); i++) {
                if (space.reads(articles.get(i).language()) && compares(space, i)) {
                    read.add(i);
                }
            }
            float[][] embedded = read.isEmpty() ? new float[0][]
                    : space.encoder().embed(read.stream().map(i -> articles.get(i).lead()).toList());
            if (embedded.length != read.size()) {
                throw new IllegalStateException(space.model() + " gave " + embedded.length + " vectors for "
                        + read.size() + " leads");
            }
            float[][] byArticle = new float[articles.size()][];
            for (int k = 0; k < read.size(); k++) {
                byArticle[read.get(k)] = embedded[k];
            }
            vectors.add(byArticle);
        }
    }

    /** Whether a space will be asked about any pair that involves article i (so it is worth embedding). */
    private boolean compares(EmbeddingSpace space, int i) {
        for (int j = 0; j < articles.size(); j++) {
            if (j != i && spaceFor(i, j) == space) {
                return true;
            }
        }
        return false;
    }

    /** The model that compares articles i and j, or null when none may. */
    EmbeddingSpace spaceFor(int i, int j) {
        String a = articles.get(i).language();
        String b = articles.get(j).language();
        if (a.equals(b)) {
            for (EmbeddingSpace s : spaces) {
                if (!s.isMultilingual() && s.reads(a)) {
                    return s;
                }
            }
        }
        for (EmbeddingSpace s : spaces) {
            if (s.isMultilingual()) {
                return s;
            }
        }
        return null;
    }

    /** The pair's similarity, or null when no model compares them. Symmetric, and computed the same way each time. */
    Similarity of(int i, int j) {
        EmbeddingSpace space = spaceFor(i, j);
        if (space == null) {
            return null;
        }
        float[][] v = vectors.get(spaces.indexOf(space));
        float[] x = v[Math.min(i, j)];
        float[] y = v[Math.max(i, j)];
        double dot = 0;
        for (int d = 0; d < x.length; d++) {
            dot += (double) x[d] * y[d];
        }
        return new Similarity(space, dot);
    }
}
