package dev.briefs.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The windows of the day's articles embedded once by each model that reads them, and which model compares a
 * pair: two articles of one language by a model of that language when there is one (all-MiniLM-L6-v2 for
 * English), else, and across languages, by a multilingual model; with none, they are never compared. What of
 * the two articles is compared is the {@link Comparison}'s choice.
 *
 * <p>A pair's similarity is computed once, when first asked for, and kept: the clustering asks for a pair
 * several times (to find the close pairs, then for each group average it is in). {@link #mayJoin} lets the
 * clustering pass over pairs that a cheap look shows far apart without computing them; if such a pair is
 * later needed in a group's average, it is computed then, so the cheap look decides only which pairs are
 * looked at first, never a similarity.
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
    /** Pair (i * size + j, i &lt; j) to its similarity, for the pairs computed so far. */
    private final Map<Long, Double> cosines = new HashMap<>();

    private long skipped;

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
            float[][] embedded = embedOnce(space, texts);
            WindowVectors[] byArticle = new WindowVectors[articles.size()];
            int next = 0;
            for (int i : read) {
                int n = windowsOf(articles.get(i)).size();
                byArticle[i] = new WindowVectors(articles.get(i).id(), Arrays.copyOfRange(embedded, next, next + n));
                next += n;
            }
            vectors.add(byArticle);
        }
    }

    /**
     * Each distinct text embedded once (a sentence that several articles share, as wire copies do, is one model
     * call): the encoder embeds each text alone ({@link LeadEncoder}), so its vector is the same either way.
     */
    private static float[][] embedOnce(EmbeddingSpace space, List<String> texts) {
        Map<String, Integer> index = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        for (String text : texts) {
            index.computeIfAbsent(text, t -> {
                distinct.add(t);
                return distinct.size() - 1;
            });
        }
        float[][] vectors =
                distinct.isEmpty() ? new float[0][] : space.encoder().embed(distinct);
        if (vectors.length != distinct.size()) {
            throw new IllegalStateException(
                    space.model() + " gave " + vectors.length + " vectors for " + distinct.size() + " texts");
        }
        float[][] out = new float[texts.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = vectors[index.get(texts.get(k))];
        }
        return out;
    }

    private List<String> windowsOf(StoryArticle article) {
        return comparison.texts(article);
    }

    /** Whether a space will be asked about any pair that involves article i (so it is worth embedding). */
    private boolean compares(EmbeddingSpace space, int i) {
        for (int j = 0; j < articles.size(); j++) {
            if (j != i && space.equals(spaceFor(i, j))) {
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

    /**
     * Whether the pair may be over its model's threshold: false when no model compares them, or when the
     * {@link Comparison}'s cheap look shows them far under it (counted in {@link #work}).
     */
    boolean mayJoin(int i, int j) {
        EmbeddingSpace space = spaceFor(i, j);
        if (space == null) {
            return false;
        }
        WindowVectors[] v = vectors.get(spaces.indexOf(space));
        boolean may = comparison.mayReach(v[Math.min(i, j)], v[Math.max(i, j)], space.threshold());
        if (!may) {
            skipped++;
        }
        return may;
    }

    /** The pairs a model may compare, those it compared and those the cheap look passed over. */
    StoryDay.Work work() {
        long pairs = 0;
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                pairs += spaceFor(i, j) == null ? 0 : 1;
            }
        }
        return new StoryDay.Work(pairs, cosines.size(), skipped);
    }

    /** The pair's similarity, or null when no model compares them. Symmetric, and computed the same way each time. */
    Similarity of(int i, int j) {
        EmbeddingSpace space = spaceFor(i, j);
        if (space == null) {
            return null;
        }
        WindowVectors[] v = vectors.get(spaces.indexOf(space));
        WindowVectors a = v[Math.min(i, j)];
        WindowVectors b = v[Math.max(i, j)];
        double cosine = cosines.computeIfAbsent(
                Math.min(i, j) * (long) articles.size() + Math.max(i, j), k -> comparison.similarity(a, b));
        return new Similarity(space, cosine, comparison.describe(a, b));
    }
}
