package dev.briefs.ledger;

import dev.briefs.brief.DayStories;

/**
 * The day's stories for what writes the day's files: the recorded ones when stories are on, else none (every
 * article a story of its own). Reads the job repository each time it is asked, so a long-lived bean sees the
 * stories recorded after it was made.
 */
public final class StoryBook {

    private final StoryRecords records;
    private final boolean storiesOn;

    /** @param storiesOn the job file's {@code stories.enabled} */
    public StoryBook(StoryRecords records, boolean storiesOn) {
        this.records = records;
        this.storiesOn = storiesOn;
    }

    public DayStories of(String date) {
        if (!storiesOn) {
            return DayStories.none("stories are off in the job file (stories.enabled: false)");
        }
        return records.read(date)
                .map(StoryRecords.Recorded::stories)
                .orElseGet(() -> DayStories.none("no stories were recorded for the day"));
    }
}
