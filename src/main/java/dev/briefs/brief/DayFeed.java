package dev.briefs.brief;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

/**
 * The day's Atom feed, {@code briefs.atom}: one entry a story (its lead article's brief, its other sources
 * as related links), so a feed reader gets the
 * morning's briefs without opening the folder. Rebuilt from the per-article briefs, as the digest
 * is, so a rerun replaces entries instead of adding them; and it holds nothing that depends on
 * when it was written, so the same briefs give the same bytes.
 */
public final class DayFeed {

    public static final String FILE = "briefs.atom";

    /**
     * The tag URI authority (RFC 4151): a name and a date make ids that never change and never
     * clash with another publisher's. The day's date stands in the tag, so the same article id on
     * two days is two entries.
     */
    static final String TAG_AUTHORITY = "briefs.dev";

    static final String STATUS_SCHEME = "tag:briefs.dev,2026:status";

    private DayFeed() {}

    /** Rebuilds the feed with each brief a story of its own. */
    public static void rebuild(Path outputDir, String date) throws IOException {
        rebuild(outputDir, date, DayStories.none("no stories given").arrange(BriefFiles.readAll(outputDir)));
    }

    /** @param stories the day's stories ({@link DayStories#arrange} of the folder's briefs) */
    public static void rebuild(Path outputDir, String date, List<StoryBrief> stories) throws IOException {
        AtomicFiles.write(outputDir.resolve(FILE), render(date, stories));
    }

    @SuppressWarnings("JavaUtilDate") // Rome dates feeds and entries with java.util.Date
    static byte[] render(String date, List<StoryBrief> stories) throws IOException {
        Date runDay = startOfDay(date, null);
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(tag(date, "briefs"));
        feed.setTitleEx(text("Briefs for " + date));
        Person author = new Person();
        author.setName("briefs");
        feed.setAuthors(List.of(author));
        List<Entry> entries = new ArrayList<>();
        Date updated = runDay;
        for (StoryBrief story : stories) {
            if (story.brief() == null) {
                continue;
            }
            Entry entry = entry(date, story, runDay);
            if (entry.getUpdated().after(updated)) {
                updated = entry.getUpdated();
            }
            entries.add(entry);
        }
        feed.setUpdated(updated);
        feed.setEntries(entries);
        try {
            Document document = new WireFeedOutput().outputJDom(feed);
            // Indented for people, but text that is not only whitespace is kept exactly; Unix line
            // ends whatever the machine, so the bytes do not depend on where the job ran.
            Format format = Format.getPrettyFormat()
                    .setTextMode(Format.TextMode.TRIM_FULL_WHITE)
                    .setLineSeparator(LineSeparator.UNIX)
                    .setEncoding("UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XMLOutputter(format).output(document, out);
            return out.toByteArray();
        } catch (FeedException e) {
            throw new IOException("cannot build the feed of " + date + ": " + e.getMessage(), e);
        }
    }

    private static Entry entry(String date, StoryBrief story, Date runDay) {
        Brief b = story.brief();
        Entry entry = new Entry();
        entry.setId(tag(date, story.story()));
        entry.setTitleEx(text(story.title()));
        entry.setUpdated(startOfDay(b.date(), runDay));
        String url = httpUrl(b.source().url());
        if (url != null) {
            entry.setAlternateLinks(List.of(link("alternate", url)));
        }
        // The story's other sources, as links a feed reader can follow too.
        List<Link> related = new ArrayList<>();
        for (StoryBrief.Member m : story.members()) {
            String other = m.id().equals(b.id()) ? null : httpUrl(m.url());
            if (other != null) {
                related.add(link("related", other));
            }
        }
        if (!related.isEmpty()) {
            entry.setOtherLinks(related);
        }
        Category status = new Category();
        status.setScheme(STATUS_SCHEME);
        status.setTerm(b.status());
        entry.setCategories(List.of(status));
        Brief.LanguageBrief own = b.language() != null ? b.briefs().get(b.language()) : null;
        if (own != null && own.ok()) {
            entry.setSummary(text(own.text()));
        } else if (b.error() != null) {
            entry.setSummary(text("Not available: " + b.error()));
        }
        entry.setContents(List.of(text(allLanguages(b) + "\n\n" + StorySources.plain(story))));
        return entry;
    }

    private static Link link(String rel, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        return link;
    }

    /** Every language's brief, each under its name in its own language, as the digest lists them. */
    private static String allLanguages(Brief b) {
        StringBuilder text = new StringBuilder();
        text.append("Status: ").append(b.status());
        if (b.error() != null) {
            text.append("\n").append(b.error());
        }
        for (Map.Entry<String, Brief.LanguageBrief> e : b.briefs().entrySet()) {
            Brief.LanguageBrief lb = e.getValue();
            text.append("\n\n")
                    .append(Languages.nativeName(e.getKey()))
                    .append(": ")
                    .append(lb.ok() ? lb.text() : "not available");
        }
        return text.toString();
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(XmlText.clean(value));
        return content;
    }

    /** A tag URI; non-ASCII letters of an id are percent-encoded, as a URI must have them. */
    static String tag(String date, String name) {
        try {
            return new URI("tag", TAG_AUTHORITY + "," + date + ":" + name, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a tag URI of " + name, e);
        }
    }

    /** Only web links become the entry's link: a feed reader opens it, so no file: or javascript: URL. */
    static String httpUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? uri.toASCIIString()
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The start of a brief's day in UTC: the date the brief is about, never the clock, so rebuilds match. */
    private static Date startOfDay(String date, Date fallback) {
        try {
            return Date.from(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            if (fallback == null) {
                throw new IllegalArgumentException("not a date: " + date, e);
            }
            return fallback;
        }
    }
}
