package dev.briefs.article;

/**
 * What the reader hands on for one article: either the parsed article or, when the source could
 * not be read, the id it would have had and the reason. Unreadable input travels through the job
 * as data rather than as an exception so that it ends up in the day's report like any other
 * article, and the rest of the day goes on.
 */
public record ArticleInput(String id, String sourceFile, Article article, String error) {

    public static ArticleInput of(Article article) {
        return new ArticleInput(article.id(), article.sourceFile(), article, null);
    }

    public static ArticleInput unreadable(String id, String sourceFile, String error) {
        return new ArticleInput(id, sourceFile, null, error);
    }

    public boolean readable() {
        return article != null;
    }
}
