package dev.briefs.article;

import java.time.LocalDate;
import java.util.List;

/**
 * One news article as read from the day's input folder, before any model has seen it.
 *
 * @param id          safe as a file name (see {@link ArticleId}); the brief files are named after it
 * @param date        publication date, or {@code null} when the source does not say
 * @param title       headline, or {@code null} when the source has none
 * @param url         link to the original, or {@code null} when the source has none
 * @param declaredLanguage language the source claims (ISO 639-1), or {@code null}; detection decides
 * @param text        body text, paragraphs separated by blank lines
 * @param sourceFile  path of the input file relative to the input folder
 * @param links       URLs found in the article
 */
public record Article(
        String id,
        LocalDate date,
        String title,
        String url,
        String declaredLanguage,
        String text,
        String sourceFile,
        List<String> links) {

    public Article {
        ArticleId.requireSafe(id);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
