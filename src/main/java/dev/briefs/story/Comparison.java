package dev.briefs.story;

import java.util.List;
import java.util.Locale;

/**
 * What of two articles is compared, by the pair's model. Measured on real text (README, "Stories"); the job
 * uses {@link StorySpaces#COMPARISON}.
 */
public enum Comparison {
    /** The two leads (title and first sentences): a retelling that opens elsewhere in the story is missed. */
    LEADS {
        @Override
        List<String> texts(StoryArticle article) {
            return List.of(article.lead());
        }

        @Override
        Compared compare(WindowVectors a, WindowVectors b) {
            return new Compared(WindowVectors.cosine(a.window(0), b.window(0)), "leads");
        }
    },
    /** The centroids, the mean of each article's windows: the whole texts, in whatever order they tell them. */
    CENTROIDS {
        @Override
        Compared compare(WindowVectors a, WindowVectors b) {
            return new Compared(WindowVectors.cosine(a.centroid(), b.centroid()), "centroids");
        }
    },
    /**
     * How much of the article with fewer windows the other covers: each of its windows' best similarity to a
     * window of the other, averaged. A short report is covered by the long one it retells, whatever part of
     * it it retells and in what order; the long one's other windows cost nothing.
     */
    COVERAGE {
        @Override
        Compared compare(WindowVectors a, WindowVectors b) {
            // Of equal counts, the first of the pair (by id) is the one covered, so a pair is compared one way.
            boolean aCovered = a.size() <= b.size();
            WindowVectors covered = aCovered ? a : b;
            WindowVectors other = aCovered ? b : a;
            double sum = 0;
            for (int k = 0; k < covered.size(); k++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int l = 0; l < other.size(); l++) {
                    best = Math.max(best, WindowVectors.cosine(covered.window(k), other.window(l)));
                }
                sum += best;
            }
            return new Compared(sum / covered.size(), String.format(Locale.ROOT, "%s's %d windows covered by %s's %d",
                    covered.id(), covered.size(), other.id(), other.size()));
        }
    };

    /**
     * A pair's similarity and what gave it.
     *
     * @param cosine   the (mean) cosine similarity
     * @param compared what of the two was compared, for people
     */
    record Compared(double cosine, String compared) {
    }

    /** The texts of an article that are embedded, one model call each. */
    List<String> texts(StoryArticle article) {
        return article.windows();
    }

    /** Articles in id order: {@code a} is the one with the smaller id. */
    abstract Compared compare(WindowVectors a, WindowVectors b);
}
