package dev.briefs.story;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Articles of the day about one story. Its brief is made from the lead article; every member is a source.
 *
 * @param id         the lead article's id (a story of one article is that article)
 * @param lead       the article the brief is made from
 * @param leadReason why it was chosen, for people ("longest: 812 words; next article-b, 640 words")
 * @param members    every article of the story in the order the lead was chosen by: the lead first, then
 *                   longest, earliest, smallest id (who would lead without those before)
 * @param joins      the clustering steps that built it, in order; empty for a story of one article
 */
public record Story(String id, StoryArticle lead, String leadReason, List<StoryMember> members, List<Join> joins) {

    public Story {
        members = List.copyOf(members);
        joins = List.copyOf(joins);
    }

    /** The models that compared its members, in the order first used. */
    public Set<String> models() {
        Set<String> models = new LinkedHashSet<>();
        members.stream().filter(m -> m.model() != null).forEach(m -> models.add(m.model()));
        joins.forEach(j -> models.add(j.model()));
        return models;
    }

    public boolean contains(String articleId) {
        return members.stream().anyMatch(m -> m.article().id().equals(articleId));
    }
}
