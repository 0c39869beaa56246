package dev.briefs.brief;

import dev.briefs.failure.Degradation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code digest.html}: the day as one page an editor reads on a phone or a desk, offline. It needs
 * nothing from outside (the style sheet is inline, there is no script), and its Content Security
 * Policy allows only that one style sheet, by hash: should anything in an article ever get past
 * the encoding, the browser would still neither run it nor load anything for it.
 */
final class DigestHtml {

    private static final String CSS = stylesheet();
    private static final String POLICY =
            "default-src 'none'; style-src '" + sha256(CSS) + "'; base-uri 'none'; form-action 'none'";

    private DigestHtml() {}

    static String render(String date, List<Brief> briefs, List<StoryBrief> stories, DayReport report) {
        StringBuilder html = new StringBuilder(4096 + briefs.size() * 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(POLICY)
                .append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>Briefs for ")
                .append(HtmlText.plain(date))
                .append("</title>\n")
                .append("<style>")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        header(html, date, briefs, stories.size(), report);
        html.append("<main>\n");
        for (StoryBrief story : stories) {
            story(html, story);
        }
        html.append("</main>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, String date, List<Brief> briefs, int stories, DayReport report) {
        html.append("<header class=\"day\">\n<h1>Briefs for ")
                .append(HtmlText.text(date))
                .append("</h1>\n")
                .append("<p class=\"counts\"><span class=\"total\">")
                .append(report.articles())
                .append(" articles in ")
                .append(stories)
                .append(stories == 1 ? " story" : " stories")
                .append("</span>")
                .append(" <span class=\"mark ok\">")
                .append(report.complete())
                .append(" complete</span>")
                .append(" <span class=\"mark partial\">")
                .append(report.partial())
                .append(" partial</span>")
                .append(" <span class=\"mark failed\">")
                .append(report.failed())
                .append(" failed</span>");
        if (report.checked() > 0) {
            html.append(" <span class=\"mark doubtful\">")
                    .append(report.doubtful())
                    .append(" doubtful</span>");
        }
        if (report.style() != null) {
            html.append(" <span class=\"mark")
                    .append(report.style().held() == report.style().checked() ? " ok" : " doubtful")
                    .append("\">style held in ")
                    .append(report.style().held())
                    .append(" of ")
                    .append(report.style().checked())
                    .append("</span>");
        }
        html.append("</p>\n");
        // Which models made the day, so that a brief can be traced to the files that made it.
        TreeSet<String> models = new TreeSet<>();
        for (Brief b : briefs) {
            for (Brief.LanguageBrief lb : b.briefs().values()) {
                if (lb.ok()) {
                    lb.madeBy()
                            .forEach(u -> models.add(HtmlText.text(u.model())
                                    + (u.revision() != null
                                            ? " <span class=\"revision\">revision <code>" + HtmlText.text(u.revision())
                                                    + "</code></span>"
                                            : "")));
                }
            }
        }
        if (!models.isEmpty()) {
            html.append("<ul class=\"models\" aria-label=\"Models used\">\n");
            for (String m : models) {
                html.append("<li>").append(m).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</header>\n");
    }

    private static void story(StringBuilder html, StoryBrief story) {
        Brief b = story.brief();
        if (b == null) {
            html.append("<article class=\"story failed\">\n<div class=\"story-head\">\n<h2>")
                    .append(HtmlText.text(story.title()))
                    .append("</h2>\n<span class=\"mark failed\">failed</span>\n</div>\n")
                    .append(
                            "<p class=\"problem failed\"><strong>Not briefed:</strong> the lead article's brief is missing from the folder</p>\n");
            storySources(html, story);
            html.append("</article>\n");
            return;
        }
        String mark = switch (b.status()) {
            case Brief.OK -> "ok";
            case Brief.PARTIAL -> "partial";
            default -> "failed";
        };
        html.append("<article class=\"story ")
                .append(mark)
                .append("\">\n<div class=\"story-head\">\n<h2>")
                .append(HtmlText.text(story.title()))
                .append("</h2>\n")
                .append("<span class=\"mark ")
                .append(mark)
                .append("\">")
                .append(mark.equals("ok") ? "complete" : mark)
                .append("</span>")
                .append(b.degraded().isEmpty() ? "" : " <span class=\"mark degraded\">degraded</span>")
                .append(
                        b.briefs().values().stream().anyMatch(Brief.LanguageBrief::hasDoubts)
                                ? " <span class=\"mark doubtful\">doubtful</span>"
                                : "")
                .append("\n</div>\n");
        html.append("<p class=\"meta\">");
        if (b.date() != null) {
            html.append(HtmlText.text(b.date())).append(" · ");
        }
        if (b.language() != null) {
            html.append(HtmlText.text(Languages.nativeName(b.language()))).append(" · ");
        }
        html.append("<span class=\"id\">").append(HtmlText.text(b.id())).append("</span></p>\n");
        links(html, b.source());
        if (b.error() != null) {
            html.append("<p class=\"problem failed\"><strong>Not briefed:</strong> ")
                    .append(HtmlText.text(b.error()))
                    .append("</p>\n");
        }
        if (!b.briefs().isEmpty()) {
            html.append("<div class=\"langs\">\n");
            for (Map.Entry<String, Brief.LanguageBrief> e : b.briefs().entrySet()) {
                language(html, e.getKey(), b.language(), e.getValue());
            }
            html.append("</div>\n");
        }
        if (!b.degraded().isEmpty()) {
            html.append("<ul class=\"degradations\">\n");
            for (Degradation d : b.degraded()) {
                html.append("<li><strong>Degraded")
                        .append(
                                d.language() != null
                                        ? " (" + HtmlText.text(Languages.nativeName(d.language())) + ")"
                                        : "")
                        .append(":</strong> ")
                        .append(HtmlText.text(d.detail()))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }
        storySources(html, story);
        html.append("</article>\n");
    }

    /** Every article of the story as a source, and which one its brief was made from and why. */
    private static void storySources(StringBuilder html, StoryBrief story) {
        String lead = StorySources.leadLine(story);
        html.append("<div class=\"sources\">\n<h3>")
                .append(story.single() ? "Source" : "Sources")
                .append("</h3>\n");
        if (lead != null) {
            html.append("<p class=\"meta lead\">").append(HtmlText.text(lead)).append("</p>\n");
        }
        html.append("<ul class=\"members\">\n");
        for (StoryBrief.Member m : story.members()) {
            html.append("<li>")
                    .append(m.url() != null ? HtmlText.link(m.url()) : "file " + HtmlText.text(m.file()))
                    .append(" · ")
                    .append(HtmlText.text(StorySources.details(story, m)));
            if (!story.single() && !Brief.OK.equals(m.status())) {
                html.append(" <span class=\"mark ")
                        .append(Brief.PARTIAL.equals(m.status()) ? "partial" : "failed")
                        .append("\">")
                        .append(HtmlText.text(m.status()))
                        .append("</span>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</div>\n");
    }

    /** The links found in the lead article; its own link is with the story's sources. */
    private static void links(StringBuilder html, Brief.Source source) {
        if (source.links() != null && !source.links().isEmpty()) {
            html.append("<ul class=\"links\" aria-label=\"Links in the article\">\n");
            for (String link : source.links()) {
                html.append("<li>").append(HtmlText.link(link)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
    }

    private static void language(StringBuilder html, String code, String briefLanguage, Brief.LanguageBrief lb) {
        html.append("<section class=\"lang\"");
        if (code.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            html.append(" lang=\"").append(code).append('"');
        }
        html.append(">\n<h3>").append(HtmlText.text(Languages.nativeName(code))).append("</h3>\n");
        if (lb.text() != null) {
            html.append("<p class=\"text\">").append(HtmlText.text(lb.text())).append("</p>\n");
        }
        if (!lb.ok()) {
            html.append("<p class=\"problem failed\"><strong>Failed:</strong> ")
                    .append(HtmlText.text(lb.error() != null ? lb.error() : "no reason recorded"))
                    .append("</p>\n");
        }
        if (lb.model() != null) {
            html.append("<p class=\"model\">")
                    .append(HtmlText.text(BriefMarkdown.modelLine(lb)))
                    .append("</p>\n");
        }
        String checked = TrustText.line(code, briefLanguage, lb);
        if (checked != null) {
            html.append("<p class=\"checks\">").append(HtmlText.text(checked)).append("</p>\n");
        }
        String style = StyleText.line(lb);
        if (style != null) {
            html.append("<p class=\"checks style")
                    .append(lb.style().held() ? "" : " missed")
                    .append("\">")
                    .append(HtmlText.text(style))
                    .append("</p>\n");
        }
        if (lb.hasDoubts()) {
            html.append("<p><span class=\"mark doubtful\">doubtful</span></p>\n<ul class=\"doubts\">\n");
            for (String reason : lb.doubtful()) {
                html.append("<li>").append(HtmlText.text(reason)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private static String stylesheet() {
        try (InputStream in = DigestHtml.class.getResourceAsStream("digest.css")) {
            if (in == null) {
                throw new IllegalStateException("digest.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
