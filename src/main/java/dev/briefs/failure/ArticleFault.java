package dev.briefs.failure;

/**
 * Marks an exception that is about one article's content, never about the machine or the code:
 * the article fails alone and the night goes on (see {@link ExpectedFailures}).
 */
public interface ArticleFault {}
