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
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML pages: main text, title, canonical link, publication date and declared language, taken
 * with jsoup. Scripts, styles, navigation and other page furniture are dropped before the text
 * is taken, so none of it can reach a brief.
 *
 * <p>A page nested deeper than {@code maxDepth} elements is refused: jsoup, like browsers, stops nesting at a
 * depth of its own and puts deeper elements side by side, so such a page would not read as written, and what
 * is done per element along its ancestors (telling nested blocks apart) grows with the depth.
 */
final class HtmlArticleParser {

    private static final String FURNITURE =
            "script, style, noscript, template, iframe, nav, header, footer, aside, form, "
                    + "button, svg, [hidden], [aria-hidden=true]";
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private final int maxDepth;

    /** @param maxDepth the deepest element nesting read ({@code max-html-depth} in the job file) */
    HtmlArticleParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    Article parse(String html, String id, String sourceFile) {
        // One level more than allowed is built, so that a page over the limit shows it; jsoup puts what is deeper
        // still side by side at that level, so the tree never grows deeper than this.
        Document doc = Jsoup.parse(
                html, "", Parser.htmlParser().setMaxDepth(maxDepth < Integer.MAX_VALUE ? maxDepth + 1 : maxDepth));
        if (deeperThan(doc, maxDepth)) {
            throw new ArticleFormatException(sourceFile + ": elements nested more than " + maxDepth
                    + " deep, the limit per page; check the page, or raise 'max-html-depth' in the job file");
        }
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

    /** Whether an element of the page lies deeper than {@code limit} ({@code <html>} is at depth 1). */
    private static boolean deeperThan(Document doc, int limit) {
        return NodeTraversor.filter(
                        (node, depth) -> node instanceof Element && depth > limit
                                ? NodeFilter.FilterResult.STOP
                                : NodeFilter.FilterResult.CONTINUE,
                        doc)
                == NodeFilter.FilterResult.STOP;
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
