package dev.briefs.story;

import java.util.List;

/**
 * One step of the clustering that built a story: two groups of articles joined because their linkage
 * margin (similarity minus the model's threshold, aggregated over their pairs) was at least 0.
 *
 * @param left       the ids of one group, ascending
 * @param right      the ids of the other
 * @param linkage    how the pairs' margins were aggregated
 * @param margin     the aggregated margin, at least 0
 * @param closestA   the closest pair across the two groups
 * @param closestB   its other article
 * @param similarity that pair's cosine similarity
 * @param model      the model that compared that pair
 * @param threshold  that model's threshold
 * @param compared   what of that pair was compared ({@link Comparison}), for people
 */
public record Join(
        List<String> left,
        List<String> right,
        Linkage linkage,
        double margin,
        String closestA,
        String closestB,
        double similarity,
        String model,
        double threshold,
        String compared) {

    public Join {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }
}
