package dev.briefs.story;

import java.util.List;
import java.util.Locale;

/**
 * What of two articles is compared, by the pair's model. Measured on real text (docs/stories.md); the job
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
        double similarity(WindowVectors a, WindowVectors b) {
            return WindowVectors.cosine(a.window(0), b.window(0));
        }

        @Override
        String describe(WindowVectors a, WindowVectors b) {
            return "leads";
        }
    },
    /** The centroids, the mean of each article's windows: the whole texts, in whatever order they tell them. */
    CENTROIDS {
        @Override
        double similarity(WindowVectors a, WindowVectors b) {
            return WindowVectors.cosine(a.centroid(), b.centroid());
        }

        @Override
        String describe(WindowVectors a, WindowVectors b) {
            return "centroids";
        }
    },
    /**
     * How much of the article with fewer windows the other covers: each of its windows' best similarity to a
     * window of the other, averaged. A short report is covered by the long one it retells, whatever part of
     * it it retells and in what order; the long one's other windows cost nothing.
     */
    COVERAGE {
        @Override
        double similarity(WindowVectors a, WindowVectors b) {
            return covered(a, b).coveredBy(other(a, b));
        }

        @Override
        String describe(WindowVectors a, WindowVectors b) {
            WindowVectors covered = covered(a, b);
            WindowVectors other = other(a, b);
            return String.format(
                    Locale.ROOT,
                    "%s's %d windows covered by %s's %d",
                    covered.id(),
                    covered.size(),
                    other.id(),
                    other.size());
        }

        /**
         * The covered article's centroid within {@link #COVERAGE_FLOOR} of the threshold at its closest window
         * of the other: one product a window of the other instead of one for each pair of windows. Measured
         * (docs/stories.md): of the pairs at the threshold on a night of 1,000 articles, none was more than
         * 0.197 under it by this look; the two centroids alone were up to 0.386 under it (a short article inside
         * a long one that tells several stories).
         */
        @Override
        boolean mayReach(WindowVectors a, WindowVectors b, double threshold) {
            return other(a, b).closest(covered(a, b).centroid()) >= threshold - COVERAGE_FLOOR;
        }
    };

    /**
     * How far under the threshold {@link #COVERAGE}'s cheap look may be and the coverage still be computed:
     * 0.1 more than the most measured for a pair at the threshold (0.197, docs/stories.md). A heuristic: a
     * night with a pair further under would lose that pair as a link (not as a number in an average).
     */
    static final double COVERAGE_FLOOR = 0.30;

    // Of equal counts, the first of the pair (by id) is the one covered, so a pair is compared one way.
    private static WindowVectors covered(WindowVectors a, WindowVectors b) {
        return a.size() <= b.size() ? a : b;
    }

    private static WindowVectors other(WindowVectors a, WindowVectors b) {
        return a.size() <= b.size() ? b : a;
    }

    /** The texts of an article that are embedded, one model call each. */
    List<String> texts(StoryArticle article) {
        return article.windows();
    }

    /** The pair's (mean) cosine similarity; articles in id order: {@code a} is the one with the smaller id. */
    abstract double similarity(WindowVectors a, WindowVectors b);

    /** What of the two was compared, for people. */
    abstract String describe(WindowVectors a, WindowVectors b);

    /**
     * False when a cheap look shows the pair far under {@code threshold}, so its {@link #similarity} need not
     * be computed to find the pairs over it; true where there is nothing cheaper than the comparison itself.
     */
    boolean mayReach(WindowVectors a, WindowVectors b, double threshold) {
        return true;
    }
}
