package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A URL or an address quoted in an article is not a link in the Markdown briefs: rendered by a
 * CommonMark renderer with GitHub's autolinks, only the brief's own source is a link, and the
 * article's characters are all still there to read and copy.
 */
class MarkdownAutolinkTest {

    private static final List<Extension> GFM_LINKS = List.of(AutolinkExtension.create());
    private static final String QUOTED =
            "See https://evil.example/pay?x=1 or www.evil.example, write to press@evil.example,"
                    + " ftp://files.evil.example/a`b`` and (http://evil.example/in-brackets).";

    @Test
    void theRendererReallyLinksBareUrlsInPlainText() {
        assertThat(rendered(QUOTED).select("a[href]")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void urlsQuotedInAnArticleAreShownNotLinkedWhileTheSourceIsALink() {
        Map<String, Brief.LanguageBrief> languages = new LinkedHashMap<>();
        languages.put("en", new Brief.LanguageBrief(QUOTED, "m", null, Brief.OK, null, new Brief.Chunks(1, 0)));
        Brief brief = new Brief(
                "a",
                "2026-11-20",
                "Title www.evil.example/title",
                "en",
                Brief.OK,
                null,
                new Brief.Source("a.json", "https://example.org/real", List.of()),
                languages,
                new Brief.Chunks(1, 0));

        for (String markdown : List.of(
                BriefMarkdown.render(brief),
                Digest.render(
                        "2026-11-20", DayStories.none("test").arrange(List.of(brief)), DayReport.of(List.of(brief))))) {
            Document page = rendered(markdown);
            assertThat(page.select("a")).extracting(a -> a.attr("href")).containsExactly("https://example.org/real");
            assertThat(page.body().text()).contains(QUOTED).contains("Title www.evil.example/title");
        }
    }

    @Test
    void markdownAndHtmlInArticleTextStayText() {
        String text = "**bold** <b>x</b> [a](https://evil.example) `code` \\ # _u_";
        Document page = rendered(MarkdownText.escape(text));
        assertThat(page.select("a, b, strong, em")).isEmpty();
        assertThat(page.body().text()).isEqualTo(text);
    }

    private static Document rendered(String markdown) {
        Parser parser = Parser.builder().extensions(GFM_LINKS).build();
        return Jsoup.parse(HtmlRenderer.builder().extensions(GFM_LINKS).build().render(parser.parse(markdown)));
    }
}
