package dev.briefs.article;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Maps one JSON object with the field names news-please writes ({@code title}, {@code maintext}
 * or {@code text}, {@code url}, {@code date_publish} or {@code date}, {@code language}) to an article.
 * Shared by the JSON and JSON Lines formats.
 */
final class NewsPleaseFields {

    private NewsPleaseFields() {}

    static Article toArticle(JsonNode node, String id, String sourceFile, String where) {
        if (!node.isObject()) {
            throw new ArticleFormatException(
                    where + ": expected a JSON object with the article's fields, found " + describe(node));
        }
        String text = firstText(node, where, "maintext", "text");
        if (text == null || text.isBlank()) {
            throw new ArticleFormatException(where + ": no article text; put it in 'maintext' or 'text'");
        }
        String title = optionalText(node, "title", where);
        String url = optionalText(node, "url", where);
        String language = optionalText(node, "language", where);
        LocalDate date = parseDate(firstText(node, where, "date_publish", "date"), where);
        String body = Paragraphs.normalise(text);
        return new Article(
                id,
                date,
                blankToNull(title),
                blankToNull(url),
                language == null ? null : language.strip().toLowerCase(Locale.ROOT),
                body,
                sourceFile,
                Links.in(body));
    }

    private static String firstText(JsonNode node, String where, String... names) {
        for (String name : names) {
            String value = optionalText(node, name, where);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String optionalText(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ArticleFormatException(
                    where + ": field '" + name + "' must be a string, found " + describe(value));
        }
        return value.asString();
    }

    /** news-please writes "2022-03-19 12:00:00"; ISO dates and date-times are accepted too. */
    private static LocalDate parseDate(String value, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw new ArticleFormatException(
                    where + ": date '" + v + "' is not a date; use YYYY-MM-DD or " + "'YYYY-MM-DD HH:MM:SS'");
        }
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
