package dev.briefs.brief;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of briefs, so that files, lines and reruns agree byte for byte. */
public final class BriefJson {

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private BriefJson() {}

    public static byte[] pretty(Brief brief) {
        return (PRETTY.writeValueAsString(brief) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String line(Brief brief) {
        return COMPACT.writeValueAsString(brief);
    }

    /** A story's line of {@code briefs.jsonl}: its members, and its lead's brief as {@link #line(Brief)} writes it. */
    public static String line(StoryBrief story) {
        return COMPACT.writeValueAsString(story);
    }

    public static StoryBrief readStory(String line) {
        return COMPACT.readValue(line, StoryBrief.class);
    }

    public static Brief read(byte[] json) {
        return COMPACT.readValue(json, Brief.class);
    }
}
