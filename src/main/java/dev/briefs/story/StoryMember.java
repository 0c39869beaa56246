package dev.briefs.story;

/**
 * An article of a story and how close its lead is to the story's lead article.
 *
 * @param article          the article (its link, outlet and language are the story's sources)
 * @param similarityToLead cosine similarity to the lead article's lead; 1 for the lead article itself
 * @param model            the model that compared them (null for the lead article)
 */
public record StoryMember(StoryArticle article, double similarityToLead, String model) {}
