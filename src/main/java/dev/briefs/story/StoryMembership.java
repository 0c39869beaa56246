package dev.briefs.story;

/**
 * One article's place in the day's stories, as the stories step recorded it in the job repository.
 *
 * @param articleId  the article
 * @param storyId    its story: the lead article's id
 * @param lead       whether the story's brief is made from this article
 * @param leadReason why the story's lead was chosen, for people (the same on every member's row)
 * @param similarity the cosine similarity of its lead to the lead article's; 1 for the lead article
 * @param model      the model that compared it with the lead article; null for the lead article
 * @param language   the language it was compared in (detected, as its brief's)
 * @param outlet     the source's host (or name); null when unknown
 * @param url        its source link; null when it has none
 * @param sourceFile its input file, relative to the input folder
 * @param rank       its place in the order the lead was chosen by (0 leads, then longest, earliest, smallest id):
 *                   when the lead's brief fails, the first member after it whose brief did not fail stands in
 */
public record StoryMembership(
        String articleId,
        String storyId,
        boolean lead,
        String leadReason,
        double similarity,
        String model,
        String language,
        String outlet,
        String url,
        String sourceFile,
        int rank) {}
