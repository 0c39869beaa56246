package dev.briefs.job;

import dev.briefs.story.StorySpaces;

/**
 * The job file's {@code stories} block: whether the day's articles are grouped by story before they are
 * briefed, and the similarity at which each model joins two articles.
 *
 * @param enabled               false: every article is a story of its own and nothing is recorded
 * @param threshold             all-MiniLM-L6-v2's, for English articles
 * @param multilingualThreshold the multilingual model's, for every other pair when it is installed
 */
public record StorySettings(boolean enabled, double threshold, double multilingualThreshold) {

    public static final StorySettings DEFAULTS =
            new StorySettings(true, StorySpaces.MINILM_THRESHOLD, StorySpaces.MULTILINGUAL_THRESHOLD);

    static StorySettings resolve(JobFile.Stories s, String where) {
        if (s == null) {
            return DEFAULTS;
        }
        return new StorySettings(s.enabled() == null || s.enabled(),
                threshold(s.threshold(), DEFAULTS.threshold(), "stories.threshold", where),
                threshold(s.multilingualThreshold(), DEFAULTS.multilingualThreshold(), "stories.multilingual-threshold",
                        where));
    }

    /** A cosine similarity of unit vectors: above 0 (unrelated texts) and at most 1 (the same text). */
    private static double threshold(Double value, double fallback, String name, String where) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0 && value <= 1)) {
            throw new JobFileException(where + ": " + name + " must be a similarity above 0 and at most 1 (such as "
                    + fallback + "), is " + value);
        }
        return value;
    }
}
