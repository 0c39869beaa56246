package dev.briefs.article;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text format: the file starts with {@code date YYYY-MM-DD} (leading whitespace
 * allowed), the body follows on the same line or the next, paragraphs are separated by blank lines.
 * The file name without its extension is the id. There is no title line and no URL.
 */
final class PlainTextArticleParser {

    private static final Pattern HEADER = Pattern.compile("\\A\\s*date\\s+(\\S+)\\s+");

    Article parse(String text, String id, String sourceFile) {
        Matcher m = HEADER.matcher(text);
        if (!m.lookingAt()) {
            throw new ArticleFormatException(sourceFile + ": missing date header; a plain-text article starts with "
                    + "'date YYYY-MM-DD' followed by the text");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            throw new ArticleFormatException(
                    sourceFile + ": date header '" + m.group(1) + "' is not a date; write it as YYYY-MM-DD");
        }
        String body = Paragraphs.normalise(text.substring(m.end()));
        if (body.isEmpty()) {
            throw new ArticleFormatException(sourceFile + ": the article has a date but no text");
        }
        return new Article(id, date, null, null, null, body, sourceFile, Links.in(body));
    }
}
