package dev.briefs.article;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML pages: main text, title, canonical link, publication date and declared language, taken
 * with jsoup. Scripts, styles, navigation and other page furniture are dropped before the text
 * is taken, so none of it can reach a brief.
 */
final class HtmlArticleParser {

    private static final String FURNITURE =
            "script, style, noscript, template, iframe, nav, header, footer, aside, form, "
                    + "button, svg, [hidden], [aria-hidden=true]";
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    Article parse(String html, String id, String sourceFile) {
        Document doc = Jsoup.parse(html);
        String title = firstNonBlank(
                doc.select("meta[property=og:title]").attr("content"),
                doc.title(),
                doc.select("h1").text());
        String url = firstNonBlank(
                doc.select("link[rel=canonical]").attr("abs:href"),
                doc.select("link[rel=canonical]").attr("href"),
                doc.select("meta[property=og:url]").attr("content"));
        String language = doc.select("html").attr("lang");
        LocalDate date = parseDate(firstNonBlank(
                doc.select("meta[property=article:published_time]").attr("content"),
                doc.select("meta[name=date]").attr("content"),
                doc.select("time[datetime]").attr("datetime")));

        doc.select(FURNITURE).remove();
        Element main = firstPresent(doc.selectFirst("article"), doc.selectFirst("main"), doc.body());
        List<String> paragraphs = new ArrayList<>();
        if (main != null) {
            for (Element block : main.select(BLOCKS)) {
                // A block nested in another block would be counted twice.
                if (block.parents().stream().noneMatch(p -> p.is(BLOCKS))) {
                    String text = block.text().strip();
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
            }
            if (paragraphs.isEmpty()) {
                paragraphs.add(main.text());
            }
        }
        String body = Paragraphs.join(paragraphs);
        if (body.isEmpty()) {
            throw new ArticleFormatException(sourceFile + ": the page has no article text (looked in <article>, "
                    + "<main> and <body> after removing scripts and navigation)");
        }
        Set<String> links = new LinkedHashSet<>(Links.in(body));
        if (main != null) {
            main.select("a[href]").forEach(a -> {
                String href = a.attr("href");
                if (href.startsWith("http://") || href.startsWith("https://")) {
                    links.add(href);
                }
            });
        }
        return new Article(
                id,
                date,
                blankToNull(title),
                blankToNull(url),
                language.isBlank()
                        ? null
                        : language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0],
                body,
                sourceFile,
                List.copyOf(links));
    }

    private static LocalDate parseDate(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null; // a page's metadata is advisory; an odd date does not make the article unreadable
        }
    }

    @SafeVarargs
    private static <T> T firstPresent(T... candidates) {
        for (T c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
