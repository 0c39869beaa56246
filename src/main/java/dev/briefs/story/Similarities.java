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
 * <p>A pair's similarity is kept once {@link #of} or {@link #margin} asks for it: the clustering asks for a
 * pair several times (for each group average it is in, and for each story member). Looking for the close pairs
 * ({@link #isClose}) keeps only those over their threshold: on a day of N articles the others are most of the
 * N²/2 pairs, and keeping them took memory that grows with the square of the day (about 80 bytes a pair: 1.8
 * million pairs kept at 4,000 articles, docs/input.md, "Hostile sizes"); one that a group's average needs later
 * is computed again then, the same number. {@link #mayJoin} lets the clustering pass over pairs that a cheap look
 * shows far apart without computing them; if such a pair is later needed in a group's average, it is computed
 * then, so the cheap look decides only which pairs are looked at first, never a similarity.
 *
 * <p>Which model compares a pair depends only on the two articles' languages, so it is looked up in a table of
 * the day's languages rather than worked out again for each pair.
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
    /** Pair (i * size + j, i &lt; j) to its similarity, for the pairs kept so far. */
    private final Map<Long, Double> cosines = new HashMap<>();
    /** The day's languages, in order of first appearance, and each article's index among them. */
    private final List<String> languages = new ArrayList<>();

    private final int[] languageOf;
    /** The model for a pair of languages (by index), or null when none compares them. */
    private final EmbeddingSpace[][] spaceOfLanguages;

    private final int[] articlesOfLanguage;
    private long computed;
    private long skipped;

    Similarities(List<StoryArticle> articles, List<EmbeddingSpace> spaces, Comparison comparison) {
        this.articles = articles;
        this.spaces = spaces;
        this.comparison = comparison;
        this.languageOf = new int[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            String language = articles.get(i).language();
            int index = languages.indexOf(language);
            if (index < 0) {
                languages.add(language);
                index = languages.size() - 1;
            }
            languageOf[i] = index;
        }
        this.articlesOfLanguage = new int[languages.size()];
        for (int l : languageOf) {
            articlesOfLanguage[l]++;
        }
        this.spaceOfLanguages = new EmbeddingSpace[languages.size()][languages.size()];
        for (int a = 0; a < languages.size(); a++) {
            for (int b = 0; b < languages.size(); b++) {
                spaceOfLanguages[a][b] = spaceFor(languages.get(a), languages.get(b));
            }
        }
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
        int a = languageOf[i];
        for (int b = 0; b < languages.size(); b++) {
            int others = articlesOfLanguage[b] - (a == b ? 1 : 0);
            if (others > 0 && space.equals(spaceOfLanguages[a][b])) {
                return true;
            }
        }
        return false;
    }

    /** The model that compares articles i and j, or null when none may. */
    EmbeddingSpace spaceFor(int i, int j) {
        return spaceOfLanguages[languageOf[i]][languageOf[j]];
    }

    /** The model that compares an article in language {@code a} with one in {@code b}, or null when none may. */
    private EmbeddingSpace spaceFor(String a, String b) {
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

    /** The pairs a model may compare, the similarities computed and the pairs the cheap look passed over. */
    StoryDay.Work work() {
        long pairs = 0;
        for (int a = 0; a < languages.size(); a++) {
            for (int b = a; b < languages.size(); b++) {
                if (spaceOfLanguages[a][b] != null) {
                    long na = articlesOfLanguage[a];
                    pairs += a == b ? na * (na - 1) / 2 : na * articlesOfLanguage[b];
                }
            }
        }
        return new StoryDay.Work(pairs, computed, skipped);
    }

    /**
     * Whether the pair is over its model's threshold (false when no model compares them); kept for {@link #of}
     * only when it is.
     */
    boolean isClose(int i, int j) {
        EmbeddingSpace space = spaceFor(i, j);
        if (space == null) {
            return false;
        }
        Double kept = cosines.get(key(i, j));
        double cosine = kept != null ? kept : compute(space, i, j);
        boolean close = cosine - space.threshold() >= 0;
        if (close && kept == null) {
            cosines.put(key(i, j), cosine);
        }
        return close;
    }

    /** The pair's similarity, or null when no model compares them. Symmetric, and computed the same way each time. */
    Similarity of(int i, int j) {
        EmbeddingSpace space = spaceFor(i, j);
        if (space == null) {
            return null;
        }
        WindowVectors[] v = vectors.get(spaces.indexOf(space));
        return new Similarity(space, cosine(space, i, j), comparison.describe(v[Math.min(i, j)], v[Math.max(i, j)]));
    }

    /**
     * The pair's {@link Similarity#margin}, without the description a group average does not need; NaN when no
     * model compares them.
     */
    double margin(int i, int j) {
        EmbeddingSpace space = spaceFor(i, j);
        return space == null ? Double.NaN : cosine(space, i, j) - space.threshold();
    }

    private double cosine(EmbeddingSpace space, int i, int j) {
        return cosines.computeIfAbsent(key(i, j), k -> compute(space, i, j));
    }

    private double compute(EmbeddingSpace space, int i, int j) {
        WindowVectors[] v = vectors.get(spaces.indexOf(space));
        computed++;
        return comparison.similarity(v[Math.min(i, j)], v[Math.max(i, j)]);
    }

    private long key(int i, int j) {
        return Math.min(i, j) * (long) articles.size() + Math.max(i, j);
    }
}
