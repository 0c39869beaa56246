package dev.briefs.summarise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders an article's sentences for an extractive summary: LexRank centrality (power iteration
 * over the cosine-similarity graph) says which sentences carry what the article keeps returning
 * to, and maximal marginal relevance then walks down that list penalising sentences too close to
 * ones already chosen, so a brief does not say the same thing twice.
 *
 * <p>The random jumps of the power iteration land on early sentences more often (weight
 * 1/(position+1), as in PositionRank): news is written lead first, and without the bias a
 * well-connected detail from the middle can outrank the lead.
 */
final class SentenceRanker {

    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 50;
    /** Weight of centrality against redundancy in MMR; 0.7 is the usual choice for summaries. */
    private static final double LAMBDA = 0.7;

    /** @return sentence indices, most worth including first */
    List<Integer> rank(float[][] vectors) {
        int n = vectors.length;
        double[][] sim = similarities(vectors);
        double[] centrality = lexRank(sim);
        List<Integer> order = new ArrayList<>();
        boolean[] taken = new boolean[n];
        for (int step = 0; step < n; step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : order) {
                    redundancy = Math.max(redundancy, sim[i][j]);
                }
                double score = LAMBDA * centrality[i] - (1 - LAMBDA) * redundancy;
                // Ties go to the earlier sentence: news puts what matters first.
                if (score > bestScore + 1e-12) {
                    best = i;
                    bestScore = score;
                }
            }
            taken[best] = true;
            order.add(best);
        }
        return order;
    }

    private static double[][] similarities(float[][] v) {
        int n = v.length;
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int d = 0; d < v[i].length; d++) {
                    s += v[i][d] * v[j][d];
                }
                sim[i][j] = sim[j][i] = Math.max(0, s);
            }
        }
        return sim;
    }

    /** Centrality scaled to [0, 1] so that it weighs against similarity in MMR on the same scale. */
    private static double[] lexRank(double[][] sim) {
        int n = sim.length;
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0 / n);
        double[] rowSums = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    rowSums[i] += sim[i][j];
                }
            }
        }
        double[] jump = new double[n];
        double jumpTotal = 0;
        for (int i = 0; i < n; i++) {
            jump[i] = 1.0 / (i + 1);
            jumpTotal += jump[i];
        }
        for (int i = 0; i < n; i++) {
            jump[i] /= jumpTotal;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    if (i != j && rowSums[i] > 0) {
                        s += rank[i] * sim[i][j] / rowSums[i];
                    }
                }
                next[j] = (1 - DAMPING) * jump[j] + DAMPING * s;
            }
            rank = next;
        }
        double max = 0;
        for (double r : rank) {
            max = Math.max(max, r);
        }
        for (int i = 0; i < n; i++) {
            rank[i] = max > 0 ? rank[i] / max : 0;
        }
        return rank;
    }
}
