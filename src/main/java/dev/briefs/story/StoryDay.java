package dev.briefs.story;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The day's stories, by the lead article's id, and what the report should say about how they were found.
 *
 * @param stories every article of the day is in exactly one story
 * @param notes   limits of this grouping, for people: languages no model could compare, and so on
 * @param linkage how groups were compared
 * @param models  the models used, with their thresholds ({@code all-minilm-l6-v2 (en) at 0.575})
 * @param work    how many pairs were compared, for the log and the benchmark
 */
public record StoryDay(List<Story> stories, List<String> notes, Linkage linkage, List<String> models, Work work) {

    /**
     * @param pairs    pairs of articles a model may compare
     * @param compared pairs whose similarity was computed
     * @param skipped  pairs passed over because a cheap look showed them far apart ({@code Comparison})
     */
    public record Work(long pairs, long compared, long skipped) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "%,d pairs, %,d compared, %,d passed over at a first look", pairs, compared, skipped);
        }
    }

    public StoryDay {
        stories = List.copyOf(stories);
        notes = List.copyOf(notes);
        models = List.copyOf(models);
    }

    public Optional<Story> storyOf(String articleId) {
        return stories.stream().filter(s -> s.contains(articleId)).findFirst();
    }
}
