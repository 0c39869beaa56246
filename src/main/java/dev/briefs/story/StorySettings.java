package dev.briefs.story;

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
}
