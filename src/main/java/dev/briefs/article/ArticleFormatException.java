package dev.briefs.article;

import dev.briefs.failure.ArticleFault;

/**
 * An input file (or one line of it) that cannot become an article. The message is meant for
 * the operator: it says what is wrong and, where it helps, what to do about it.
 */
public class ArticleFormatException extends RuntimeException implements ArticleFault {

    public ArticleFormatException(String message) {
        super(message);
    }

    public ArticleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
