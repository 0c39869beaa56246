package dev.briefs.story;

import java.util.List;
import java.util.Optional;

/**
 * The day's stories, by the lead article's id, and what the report should say about how they were found.
 *
 * @param stories every article of the day is in exactly one story
 * @param notes   limits of this grouping, for people: languages no model could compare, and so on
 * @param linkage how groups were compared
 * @param models  the models used, with their thresholds ({@code all-minilm-l6-v2 (en) at 0.575})
 */
public record StoryDay(List<Story> stories, List<String> notes, Linkage linkage, List<String> models) {

    public StoryDay {
        stories = List.copyOf(stories);
        notes = List.copyOf(notes);
        models = List.copyOf(models);
    }

    public Optional<Story> storyOf(String articleId) {
        return stories.stream().filter(s -> s.contains(articleId)).findFirst();
    }
}
