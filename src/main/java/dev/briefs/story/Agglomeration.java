package dev.briefs.story;

import dev.briefs.story.Similarities.Similarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agglomerative clustering of the day's articles (in id order) by their similarity margins: repeatedly join
 * the two groups with the largest {@link Linkage} margin, as long as it is at least 0. Only groups with at
 * least one pair over its threshold are ever candidates (no linkage joins groups without one), so the work
 * follows the close pairs, not all pairs of groups. Two groups with a pair that no model may compare
 * (different languages and no multilingual model) never join.
 *
 * <p>Deterministic: equal margins are decided by the groups' smallest article index, so the same articles
 * always give the same groups, whatever order they came in.
 *
 * <p>A join touches only the two groups' neighbours and their candidates, never all the day's groups: on a day
 * of thousands of articles and as many joins, that was a pass over every group for every join.
 */
final class Agglomeration {

    /** One join, in the order they happened. */
    record Step(List<Integer> left, List<Integer> right, double margin, int pairI, int pairJ, Similarity strongest) {}

    private record Candidate(int a, int b, double margin) {}

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::margin)
            .reversed()
            .thenComparingInt(Candidate::a)
            .thenComparingInt(Candidate::b);

    private final Similarities similarities;
    private final Linkage linkage;
    /** Groups by their smallest member, each member list ascending. */
    private final Map<Integer, List<Integer>> groups = new TreeMap<>();
    /** Groups that share at least one pair over its threshold. */
    private final Map<Integer, TreeSet<Integer>> neighbours = new HashMap<>();

    private final TreeSet<Candidate> candidates = new TreeSet<>(BEST_FIRST);
    /** The candidates by their pair of groups, to take out those of two groups that join. */
    private final Map<Long, Candidate> offered = new HashMap<>();

    private final int size;
    private final List<Step> steps = new ArrayList<>();

    Agglomeration(int size, Similarities similarities, Linkage linkage) {
        this.similarities = similarities;
        this.linkage = linkage;
        this.size = size;
        for (int i = 0; i < size; i++) {
            groups.put(i, List.of(i));
            neighbours.put(i, new TreeSet<>());
        }
        // Pairs the cheap look rules out are not looked at here; a group average that needs one computes it.
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                if (similarities.mayJoin(i, j) && similarities.isClose(i, j)) {
                    neighbours.get(i).add(j);
                    neighbours.get(j).add(i);
                }
            }
        }
        for (int i = 0; i < size; i++) {
            for (int j : neighbours.get(i).tailSet(i, false)) {
                offer(i, j);
            }
        }
    }

    /** Joins groups until no two may join; returns the groups, by smallest member. */
    Map<Integer, List<Integer>> run() {
        while (!candidates.isEmpty()) {
            Candidate best = candidates.pollFirst();
            join(best);
        }
        return groups;
    }

    List<Step> steps() {
        return steps;
    }

    private void join(Candidate c) {
        List<Integer> left = groups.remove(c.a());
        List<Integer> right = groups.remove(c.b());
        // Candidates are only ever offered between neighbours, so these are all that involve the two groups.
        for (int group : List.of(c.a(), c.b())) {
            for (int other : neighbours.get(group)) {
                Candidate gone = offered.remove(pair(group, other));
                if (gone != null) {
                    candidates.remove(gone);
                }
            }
        }
        int[] pair = strongestPair(left, right);
        steps.add(new Step(left, right, c.margin(), pair[0], pair[1], similarities.of(pair[0], pair[1])));
        List<Integer> merged = new ArrayList<>(left);
        merged.addAll(right);
        merged.sort(null);
        int id = merged.get(0);
        TreeSet<Integer> around = new TreeSet<>(neighbours.remove(c.a()));
        around.addAll(neighbours.remove(c.b()));
        around.remove(c.a());
        around.remove(c.b());
        // Neighbours are mutual: only the groups around the two have them as neighbours.
        for (int other : around) {
            TreeSet<Integer> n = neighbours.get(other);
            n.remove(c.a());
            n.remove(c.b());
            n.add(id);
        }
        groups.put(id, List.copyOf(merged));
        neighbours.put(id, around);
        for (int other : around) {
            offer(Math.min(id, other), Math.max(id, other));
        }
    }

    private void offer(int a, int b) {
        double margin = margin(groups.get(a), groups.get(b));
        if (margin >= 0) {
            Candidate candidate = new Candidate(a, b, margin);
            candidates.add(candidate);
            offered.put(pair(a, b), candidate);
        }
    }

    private long pair(int a, int b) {
        return Math.min(a, b) * (long) size + Math.max(a, b);
    }

    /** The linkage margin of two groups; negative infinity when a pair may not be compared. */
    private double margin(List<Integer> left, List<Integer> right) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i : left) {
            for (int j : right) {
                double m = similarities.margin(i, j);
                if (Double.isNaN(m)) {
                    return Double.NEGATIVE_INFINITY;
                }
                sum += m;
                min = Math.min(min, m);
                max = Math.max(max, m);
            }
        }
        return switch (linkage) {
            case AVERAGE -> sum / ((double) left.size() * right.size());
            case COMPLETE -> min;
            case SINGLE -> max;
        };
    }

    private int[] strongestPair(List<Integer> left, List<Integer> right) {
        int[] best = null;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (int i : left) {
            for (int j : right) {
                double m = similarities.margin(i, j);
                if (best == null || m > bestMargin) {
                    best = new int[] {Math.min(i, j), Math.max(i, j)};
                    bestMargin = m;
                }
            }
        }
        return best;
    }
}
