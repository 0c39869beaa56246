package dev.briefs.story;

import dev.briefs.article.Article;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.summarise.Words;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What story finding knows of one article of the day.
 *
 * @param id       the article id, unique within the day
 * @param language ISO 639-1 code of its text (detected)
 * @param title    headline, or null
 * @param lead     what is compared: the title and the first sentences
 * @param words    length of the whole text in words; the longest member leads its story
 * @param date     publication date, or null
 * @param url      source link, or null
 * @param outlet   the source's name, or the URL's host without {@code www.}, or null when neither is known
 */
public record StoryArticle(String id, String language, String title, String lead, int words, LocalDate date,
                           String url, String outlet) {

    /**
     * Sentences of the body that join the title in the lead. Measured on real text (README, "Stories"): with 3,
     * a retelling that opens elsewhere in the story is rarely found; 8 (about 200 tokens, within
     * all-MiniLM-L6-v2's 256) found most of them without joining unrelated stories.
     */
    public static final int LEAD_SENTENCES = 8;

    public StoryArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(lead, "lead");
    }

    /**
     * The story view of an article read by the job.
     *
     * @param language   its detected language
     * @param sourceName the outlet's name when the input names it, else null (the URL's host is used)
     */
    public static StoryArticle of(Article article, String language, String sourceName) {
        return of(article, language, sourceName, LEAD_SENTENCES);
    }

    /** As {@link #of(Article, String, String)}, with {@code leadSentences} sentences of the body in the lead. */
    public static StoryArticle of(Article article, String language, String sourceName, int leadSentences) {
        List<String> sentences = new SentenceSplitter(language).split(article.text());
        StringBuilder lead = new StringBuilder(article.title() == null ? "" : article.title().strip());
        for (String sentence : sentences.subList(0, Math.min(leadSentences, sentences.size()))) {
            lead.append(lead.isEmpty() ? "" : "\n").append(sentence);
        }
        String outlet = sourceName != null && !sourceName.isBlank() ? sourceName.strip() : host(article.url());
        return new StoryArticle(article.id(), language, article.title(), lead.toString(), Words.count(article.text()),
                article.date(), article.url(), outlet);
    }

    /** The host of an http(s) URL, lower case and without {@code www.}; null for anything else. */
    public static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (host == null || scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
