package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The day's Atom feed as a feed reader sees it: read back with Rome, every brief is an entry with
 * an id that stays the same from one rebuild to the next, its link is the article's source, and
 * whatever an article's text holds arrives as that text (less what XML cannot carry) without
 * breaking the file.
 */
class DayFeedTest {

    private static final String DATE = "2026-11-20";
    private static final String NASTY =
            "Prices <b>rose</b> & fell; ]]> was here \"quoted\" 'too'\u0000\u0007\u001B\uFFFE end";
    private static final String NASTY_CLEAN = "Prices <b>rose</b> & fell; ]]> was here \"quoted\" 'too' end";

    @TempDir
    Path out;

    private static Brief brief(String id, String date, String url, String status, String en, String uk) {
        Map<String, Brief.LanguageBrief> briefs = new LinkedHashMap<>();
        briefs.put(
                "uk",
                new Brief.LanguageBrief(
                        uk,
                        "opus-mt-en-uk",
                        "abc123",
                        uk == null ? Brief.FAILED : Brief.OK,
                        uk == null ? "model not installed: opus-mt-en-uk" : null,
                        new Brief.Chunks(1, uk == null ? 1 : 0)));
        briefs.put(
                "en",
                new Brief.LanguageBrief(
                        en, "extractive:all-minilm-l6-v2", null, Brief.OK, null, new Brief.Chunks(1, 0)));
        return new Brief(
                id,
                date,
                "Title of " + id + " <&>",
                "en",
                status,
                null,
                new Brief.Source(id + ".json", url, List.of()),
                briefs,
                new Brief.Chunks(2, uk == null ? 1 : 0));
    }

    private static SyndFeed read(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
    }

    private void writeDay() throws Exception {
        BriefFiles.write(
                out, brief("harbour", DATE, "https://example.org/harbour", Brief.OK, NASTY, "Порт знову відкрито."));
        BriefFiles.write(
                out, brief("rail", "2026-11-19", "javascript:alert(1)", Brief.PARTIAL, "Night train returns.", null));
        BriefFiles.write(out, brief("школа", DATE, "http://example.org/school?a=1&b=2", Brief.OK, "Meals.", "Обіди."));
        BriefFiles.write(
                out,
                new Brief(
                        "broken",
                        DATE,
                        null,
                        null,
                        Brief.FAILED,
                        "cannot read broken.json: bad <json>",
                        new Brief.Source("broken.json", null, List.of()),
                        Map.of(),
                        new Brief.Chunks(0, 0)));
    }

    @Test
    void everyBriefIsAnEntryWithAStableIdAndItsSourceLink() throws Exception {
        writeDay();
        DayFeed.rebuild(out, DATE);
        byte[] first = Files.readAllBytes(out.resolve(DayFeed.FILE));
        SyndFeed feed = read(first);

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo("tag:briefs.dev,2026-11-20:briefs");
        assertThat(feed.getTitle()).isEqualTo("Briefs for 2026-11-20");
        assertThat(feed.getAuthors()).extracting("name").containsExactly("briefs");
        assertThat(feed.getPublishedDate())
                .as("the feed's updated: the day, not the clock")
                .isEqualTo(Date.from(Instant.parse("2026-11-20T00:00:00Z")));
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries)
                .extracting(SyndEntry::getUri)
                .containsExactly(
                        "tag:briefs.dev,2026-11-20:broken", "tag:briefs.dev,2026-11-20:harbour",
                        "tag:briefs.dev,2026-11-20:rail", "tag:briefs.dev,2026-11-20:%D1%88%D0%BA%D0%BE%D0%BB%D0%B0")
                .doesNotHaveDuplicates();
        SyndEntry rail = entries.get(2);
        assertThat(rail.getLink()).as("a javascript: URL is no link").isNull();
        assertThat(rail.getUpdatedDate())
                .as("the brief's own date")
                .isEqualTo(Date.from(Instant.parse("2026-11-19T00:00:00Z")));
        assertThat(rail.getCategories()).extracting(SyndCategory::getName).containsExactly(Brief.PARTIAL);
        assertThat(rail.getContents().get(0).getValue())
                .isEqualTo("Status: partial\n\nУкраїнська: not available\n\nEnglish: Night train returns."
                        + "\n\nSources:\n- javascript:alert(1) (English)");
        assertThat(entries.get(1).getLink()).isEqualTo("https://example.org/harbour");
        assertThat(entries.get(3).getLink()).isEqualTo("http://example.org/school?a=1&b=2");
        assertThat(entries.get(0).getDescription().getValue())
                .isEqualTo("Not available: cannot read broken.json: bad <json>");
        assertThat(entries.get(0).getTitle()).as("no title: the id").isEqualTo("broken");

        // Rebuilt after a rerun (here: with nothing changed), the file is the same to the byte.
        DayFeed.rebuild(out, DATE);
        assertThat(Files.readAllBytes(out.resolve(DayFeed.FILE))).isEqualTo(first);
    }

    @Test
    void untrustedTextArrivesAsTextAndTheFileStaysWellFormed() throws Exception {
        writeDay();
        DayFeed.rebuild(out, DATE);
        byte[] xml = Files.readAllBytes(out.resolve(DayFeed.FILE));
        // A strict XML 1.0 parser takes it: nothing that XML cannot carry is left in it.
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        String raw = new String(xml, StandardCharsets.UTF_8);
        assertThat(raw)
                .doesNotContain("<b>")
                .doesNotContain("]]>")
                .doesNotContain("CDATA")
                .contains("type=\"text\"");

        SyndEntry harbour = read(xml).getEntries().get(1);
        assertThat(harbour.getTitle()).isEqualTo("Title of harbour <&>");
        assertThat(harbour.getDescription().getValue())
                .as("the summary: the brief in the article's language")
                .isEqualTo(NASTY_CLEAN);
        assertThat(harbour.getContents().get(0).getValue())
                .isEqualTo("Status: ok\n\nУкраїнська: Порт знову відкрито.\n\nEnglish: " + NASTY_CLEAN
                        + "\n\nSources:\n- https://example.org/harbour (example.org · English)");
    }

    @Test
    void aDayWithoutBriefsIsAnEmptyValidFeed() throws Exception {
        DayFeed.rebuild(out, DATE);
        SyndFeed feed = read(Files.readAllBytes(out.resolve(DayFeed.FILE)));
        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getUri()).isEqualTo("tag:briefs.dev,2026-11-20:briefs");
    }
}
