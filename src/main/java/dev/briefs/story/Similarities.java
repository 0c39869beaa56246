package dev.briefs.story;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows of the day's articles embedded once by each model that reads them, and which model compares a
 * pair: two articles of one language by a model of that language when there is one (all-MiniLM-L6-v2 for
 * English), else, and across languages, by a multilingual model; with none, they are never compared. What of
 * the two articles is compared is the {@link Comparison}'s choice.
 */
final class Similarities {

    /** A pair's similarity under the model that compared it, and what of the two it compared. */
    record Similarity(EmbeddingSpace space, double cosine, String compared) {

        double margin() {
            return cosine - space.threshold();
        }
    }

    private final List<StoryArticle> articles;
    private final List<EmbeddingSpace> spaces;
    private final Comparison comparison;
    /** vectors.get(s)[i]: article i's windows embedded by space s, or null when that space does not read it. */
    private final List<WindowVectors[]> vectors = new ArrayList<>();

    Similarities(List<StoryArticle> articles, List<EmbeddingSpace> spaces, Comparison comparison) {
        this.articles = articles;
        this.spaces = spaces;
        this.comparison = comparison;
        for (EmbeddingSpace space : spaces) {
            List<Integer> read = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < articles.size(); i++) {
                if (space.reads(articles.get(i).language()) && compares(space, i)) {
                    read.add(i);
                    texts.addAll(windowsOf(articles.get(i)));
                }
            }
            float[][] embedded = texts.isEmpty() ? new float[0][] : space.encoder().embed(texts);
            if (embedded.length != texts.size()) {
                throw new IllegalStateException(space.model() + " gave " + embedded.length + " vectors for "
                        + texts.size() + " texts");
            }
            WindowVectors[] byArticle = new WindowVectors[articles.size()];
            int next = 0;
            for (int i : read) {
                int n = windowsOf(articles.get(i)).size();
                byArticle[i] = new WindowVectors(articles.get(i).id(), java.util.Arrays.copyOfRange(embedded, next, next + n));
                next += n;
            }
            vectors.add(byArticle);
        }
    }

    private List<String> windowsOf(StoryArticle article) {
        return comparison.texts(article);
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
        WindowVectors[] v = vectors.get(spaces.indexOf(space));
        Comparison.Compared c = comparison.compare(v[Math.min(i, j)], v[Math.max(i, j)]);
        return new Similarity(space, c.cosine(), c.compared());
    }
}
