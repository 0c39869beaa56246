package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.check.CheckKind;
import dev.briefs.check.CheckResult;
import dev.briefs.check.Flag;
import dev.briefs.failure.Degradation;
import dev.briefs.trust.Trust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * digest.html shows untrusted article text as text: whatever a title, a brief, an error or a URL
 * holds, the page an editor opens runs nothing, links only to web pages, keeps its own styles and
 * cannot be reordered by invisible direction controls.
 */
class DigestHtmlTest {

    private static final String DATE = "2026-11-20";
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
            + "</style><style>body{display:none}</style>} * {color:red} \" onclick=\"alert(7)\" '"
            + " invoice\u202Egpj.exe\u202C \u2066x\u2069\u200E\u200F\u202A\u202B\u202D";

    @TempDir
    Path out;

    @Test
    void nothingInAnArticleBecomesMarkupButAllOfItIsShown() throws IOException {
        writeDay();
        Document page = Jsoup.parse(Files.readString(out.resolve(BriefFiles.DIGEST_HTML)));

        assertThat(page.select("script, img, iframe, object, embed, form, link, base"))
                .isEmpty();
        for (Element e : page.getAllElements()) {
            assertThat(e.attributes().asList())
                    .extracting(Attribute::getKey)
                    .as(e.tagName())
                    .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("on"))
                    .doesNotContain("style", "src");
        }
        assertThat(page.select("a[href]"))
                .extracting(a -> a.attr("href"))
                .as("only the real http(s) sources are links")
                .containsExactlyInAnyOrder(
                        "https://example.org/real", "https://example.org/ok", "http://example.org/plain");
        assertThat(page.select("style"))
                .singleElement()
                .satisfies(style -> assertThat(style.data())
                        .doesNotContain("display:none")
                        .doesNotContain("color:red")
                        .contains("prefers-color-scheme")
                        .contains("@media print"));
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none'; style-src 'sha256-");

        String shown = page.body().text();
        String hostileAsShown = HOSTILE.replaceAll("[\u200E\u200F\u202A-\u202E\u2066-\u2069]", "");
        assertThat(shown)
                .contains("Title " + hostileAsShown)
                .contains("Body " + hostileAsShown)
                .contains("error " + hostileAsShown)
                .contains("detail " + hostileAsShown)
                .contains("names: \"doubt " + hostileAsShown + "\" not in the source")
                .contains("javascript:alert(3)")
                .contains("JAVASCRIPT:alert(4)")
                .contains("data:text/html,<script>alert(5)</script>")
                .contains("invoicegpj.exe");
        assertThat(page.outerHtml()).doesNotContainPattern("[\u200E\u200F\u202A-\u202E\u2066-\u2069]");
    }

    @Test
    void theHeaderCountsTheDayAndNamesTheModelsAndEachStoryItsStatus() throws IOException {
        writeDay();
        Document page = Jsoup.parse(Files.readString(out.resolve(BriefFiles.DIGEST_HTML)));

        assertThat(page.title()).isEqualTo("Briefs for " + DATE);
        assertThat(page.selectFirst("header .counts").text())
                .isEqualTo("3 articles in 3 stories 1 complete 1 partial 1 failed 1 doubtful");
        assertThat(page.select("header .models li"))
                .extracting(Element::text)
                .containsExactly(
                        "extractive:all-minilm-l6-v2",
                        "model<b> revision rev\"onclick=x",
                        "opus-mt-en-uk revision 0123abcd");
        Element partial = story(page, "Title ");
        assertThat(partial.select(".story-head .mark"))
                .extracting(Element::text)
                .containsExactly("partial", "degraded", "doubtful");
        assertThat(partial.select(".lang[lang=en] .mark.doubtful"))
                .extracting(Element::text)
                .containsExactly("doubtful");
        assertThat(partial.selectFirst(".lang[lang=en] .checks").text())
                .isEqualTo("Checked against the article: names flagged");
        assertThat(partial.selectFirst(".lang[lang=en] .doubts li").text()).startsWith("names: \"doubt <script>");
        assertThat(partial.select(".lang")).extracting(l -> l.attr("lang")).containsExactly("en", "uk");
        assertThat(partial.selectFirst(".lang[lang=uk] .problem.failed").text()).startsWith("Failed: error <script>");
        assertThat(partial.selectFirst(".degradations li").text()).startsWith("Degraded (English): detail <script>");
        assertThat(story(page, "Not readable").selectFirst(".problem.failed").text())
                .startsWith("Not briefed: error <script>");
        assertThat(story(page, "Quiet day").select(".mark"))
                .extracting(Element::text)
                .containsExactly("complete");
    }

    @Test
    void theSameBriefsGiveTheSameBytesAndTheOtherFilesDoNotChange() throws IOException {
        writeDay();
        byte[] html = Files.readAllBytes(out.resolve(BriefFiles.DIGEST_HTML));
        byte[] md = Files.readAllBytes(out.resolve(BriefFiles.DIGEST));
        byte[] jsonl = Files.readAllBytes(out.resolve(BriefFiles.JSONL));

        Digest.rebuild(out, DATE);

        assertThat(out.resolve(BriefFiles.DIGEST_HTML)).hasBinaryContent(html);
        assertThat(out.resolve(BriefFiles.DIGEST)).hasBinaryContent(md);
        assertThat(out.resolve(BriefFiles.JSONL)).hasBinaryContent(jsonl);
        assertThat(new String(md, StandardCharsets.UTF_8)).doesNotContain("<html");
    }

    private static Element story(Document page, String titleStart) {
        return page.select("article.story").stream()
                .filter(s -> s.selectFirst("h2").text().startsWith(titleStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no story titled " + titleStart));
    }

    private void writeDay() throws IOException {
        Map<String, Brief.LanguageBrief> languages = new LinkedHashMap<>();
        // A doubt quotes the brief's words, so it is as untrusted as the brief.
        languages.put(
                "en",
                new Brief.LanguageBrief(
                                "Body " + HOSTILE, "model<b>", "rev\"onclick=x", Brief.OK, null, new Brief.Chunks(1, 0))
                        .withTrust(new Trust(
                                List.of(new CheckResult(
                                        CheckKind.NAMES,
                                        false,
                                        List.of(new Flag("doubt " + HOSTILE, "", "not in the source")),
                                        List.of())),
                                null,
                                null,
                                null,
                                List.of("names: \"doubt " + HOSTILE + "\" not in the source"))));
        languages.put(
                "uk",
                new Brief.LanguageBrief(
                        null, "opus-mt-en-uk", null, "failed", "error " + HOSTILE, new Brief.Chunks(1, 1)));
        BriefFiles.write(
                out,
                new Brief(
                        "hostile",
                        DATE,
                        "Title " + HOSTILE,
                        "en",
                        Brief.PARTIAL,
                        null,
                        new Brief.Source(
                                "hostile.json",
                                "javascript:alert(3)",
                                List.of(
                                        "https://example.org/ok",
                                        "JAVASCRIPT:alert(4)",
                                        "data:text/html,<script>alert(5)</script>",
                                        "https://example.org/\u202Eevil",
                                        "https://example.org/x\" onmouseover=\"alert(6)",
                                        "//example.org/no-scheme")),
                        languages,
                        new Brief.Chunks(2, 1),
                        List.of(new Degradation(Degradation.SENTENCE_CUT, "en", "detail " + HOSTILE))));
        BriefFiles.write(
                out,
                new Brief(
                        "broken",
                        DATE,
                        "Not readable",
                        null,
                        Brief.FAILED,
                        "error " + HOSTILE,
                        new Brief.Source("broken.json", "https://example.org/real", List.of()),
                        Map.of(),
                        new Brief.Chunks(0, 0)));
        Map<String, Brief.LanguageBrief> quiet = new LinkedHashMap<>();
        quiet.put(
                "en",
                new Brief.LanguageBrief(
                        "Nothing happened.",
                        "extractive:all-minilm-l6-v2",
                        null,
                        Brief.OK,
                        null,
                        new Brief.Chunks(1, 0)));
        quiet.put(
                "uk",
                new Brief.LanguageBrief(
                        "Нічого не сталося.", "opus-mt-en-uk", "0123abcd", Brief.OK, null, new Brief.Chunks(1, 0)));
        BriefFiles.write(
                out,
                new Brief(
                        "quiet",
                        DATE,
                        "Quiet day",
                        "en",
                        Brief.OK,
                        null,
                        new Brief.Source("quiet.txt", "http://example.org/plain", List.of()),
                        quiet,
                        new Brief.Chunks(2, 0)));
        Digest.rebuild(out, DATE);
    }
}
