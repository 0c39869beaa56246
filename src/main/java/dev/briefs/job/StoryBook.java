package dev.briefs.job;

import dev.briefs.brief.DayStories;
import dev.briefs.ledger.StoryRecords;

/**
 * The day's stories for what writes the day's files: the recorded ones when stories are on, else none (every
 * article a story of its own). Reads the job repository each time it is asked, so a long-lived bean sees the
 * stories recorded after it was made.
 */
final class StoryBook {

    private final StoryRecords records;
    private final StorySettings settings;

    StoryBook(StoryRecords records, StorySettings settings) {
        this.records = records;
        this.settings = settings;
    }

    DayStories of(String date) {
        if (!settings.enabled()) {
            return DayStories.none("stories are off in the job file (stories.enabled: false)");
        }
        return records.read(date).map(StoryRecords.Recorded::stories)
                .orElseGet(() -> DayStories.none("no stories were recorded for the day"));
    }
}
