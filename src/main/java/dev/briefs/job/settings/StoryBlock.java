package dev.briefs.job.settings;

import dev.briefs.story.StorySettings;

/** Reads the job file's {@code stories} block into {@link StorySettings}. */
final class StoryBlock {

    private StoryBlock() {}

    static StorySettings resolve(JobFile.Stories s, String where) {
        if (s == null) {
            return StorySettings.DEFAULTS;
        }
        return new StorySettings(
                s.enabled() == null || s.enabled(),
                threshold(s.threshold(), StorySettings.DEFAULTS.threshold(), "stories.threshold", where),
                threshold(
                        s.multilingualThreshold(),
                        StorySettings.DEFAULTS.multilingualThreshold(),
                        "stories.multilingual-threshold",
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
