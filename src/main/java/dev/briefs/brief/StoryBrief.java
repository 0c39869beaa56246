package dev.briefs.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One story of the day as {@code briefs.jsonl} has it, one line a story: which article leads it and why,
 * every member as a source, and the brief the entry is made from. Field order here is the order in the file.
 *
 * @param story      the story's id: its lead article's id
 * @param lead       the article whose brief is the story's
 * @param leadReason why that article leads ({@code longest: 412 words; next b, 380 words})
 * @param leadNote   when the lead article's brief failed and another member's stands in:
 *                   {@code lead a failed; made from b}; else null, and absent from the file
 * @param members    every article of the story, the lead first, then by id
 * @param brief      the lead article's brief, or its stand-in's; null when it has none (its status is then
 *                   {@code missing})
 */
public record StoryBrief(
        String story,
        String lead,
        String leadReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String leadNote,
        List<Member> members,
        Brief brief) {

    /** A member's brief that is not in the output folder. */
    public static final String MISSING = "missing";

    public StoryBrief {
        members = List.copyOf(members);
    }

    /**
     * One source of the story.
     *
     * @param similarity similarity of its lead to the lead article's; 1 for the lead article
     * @param model      the model that compared it with the lead article; null for the lead article
     * @param status     its own brief's status ({@code ok}, {@code partial}, {@code failed}), or {@code missing}
     */
    public record Member(
            String id,
            String file,
            String url,
            String outlet,
            String language,
            double similarity,
            String model,
            String status) {}

    public boolean single() {
        return members.size() == 1;
    }

    /** The title people see: the lead's headline, else its id. */
    public String title() {
        return brief != null && brief.title() != null && !brief.title().isBlank() ? brief.title() : lead;
    }
}
