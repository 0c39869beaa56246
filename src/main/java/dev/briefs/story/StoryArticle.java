package dev.briefs.story;

import dev.briefs.article.Article;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.summarise.Words;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What story finding knows of one article of the day.
 *
 * @param id       the article id, unique within the day
 * @param language ISO 639-1 code of its text (detected)
 * @param title    headline, or null
 * @param lead     the title and the first sentences
 * @param words    length of the whole text in words; the longest member leads its story
 * @param date     publication date, or null
 * @param url      source link, or null
 * @param outlet   the source's name, or the URL's host without {@code www.}, or null when neither is known
 * @param windows  the whole text in windows of a few sentences, the title in the first, at most
 *                 {@link #MAX_SENTENCES} sentences' worth spread over the text; {@link Comparison} says what of
 *                 an article is compared
 */
public record StoryArticle(
        String id,
        String language,
        String title,
        String lead,
        int words,
        LocalDate date,
        String url,
        String outlet,
        List<String> windows) {

    /**
     * Sentences of the body that join the title in the lead. Measured on real text (docs/stories.md): with 3,
     * a retelling that opens elsewhere in the story is rarely found; 8 (about 200 tokens, within
     * all-MiniLM-L6-v2's 256) found most of them without joining unrelated stories.
     */
    public static final int LEAD_SENTENCES = 8;

    /**
     * Sentences of the text in the windows at most, so a very long article costs no more model work than one
     * of 64 sentences; a longer one is represented by windows spread over its whole text.
     */
    public static final int MAX_SENTENCES = 64;

    /**
     * Sentences a window: one, so that a short report is found inside a long one sentence by sentence
     * (docs/stories.md: windows of the lead's 8 sentences blur the stories of one war together).
     */
    public static final int WINDOW_SENTENCES = 1;

    public StoryArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(lead, "lead");
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(id + ": an article has at least one window");
        }
    }

    /** An article whose lead is all there is to compare. */
    public StoryArticle(
            String id,
            String language,
            String title,
            String lead,
            int words,
            LocalDate date,
            String url,
            String outlet) {
        this(id, language, title, lead, words, date, url, outlet, List.of(lead));
    }

    /**
     * The story view of an article read by the job.
     *
     * @param language   its detected language
     * @param sourceName the outlet's name when the input names it, else null (the URL's host is used)
     */
    public static StoryArticle of(Article article, String language, String sourceName) {
        return of(article, language, sourceName, WINDOW_SENTENCES);
    }

    /** As {@link #of(Article, String, String)}, with windows of {@code windowSentences} sentences. */
    public static StoryArticle of(Article article, String language, String sourceName, int windowSentences) {
        return of(article, language, sourceName, windowSentences, MAX_SENTENCES);
    }

    /** As {@link #of(Article, String, String, int)}, with at most {@code maxSentences} sentences in the windows. */
    static StoryArticle of(Article article, String language, String sourceName, int windowSentences, int maxSentences) {
        List<String> sentences = new SentenceSplitter(language).split(article.text());
        String outlet = sourceName != null && !sourceName.isBlank() ? sourceName.strip() : host(article.url());
        return new StoryArticle(
                article.id(),
                language,
                article.title(),
                window(article.title(), sentences.subList(0, Math.min(LEAD_SENTENCES, sentences.size()))),
                Words.count(article.text()),
                article.date(),
                article.url(),
                outlet,
                windows(article.title(), sentences, windowSentences, maxSentences));
    }

    /**
     * The title with the first {@code size} sentences, then the following sentences {@code size} at a time. Of
     * more windows than {@link #MAX_SENTENCES} sentences fill, the first, the last and windows evenly spaced
     * between are kept, so that they stand for the whole text and not for its beginning only.
     */
    static List<String> windows(String title, List<String> sentences, int size, int maxSentences) {
        if (size < 1) {
            throw new IllegalArgumentException("a window holds at least one sentence, not " + size);
        }
        List<String> all = new ArrayList<>();
        all.add(window(title, sentences.subList(0, Math.min(size, sentences.size()))));
        for (int from = size; from < sentences.size(); from += size) {
            all.add(window(null, sentences.subList(from, Math.min(from + size, sentences.size()))));
        }
        int max = Math.max(1, maxSentences / size);
        if (all.size() <= max) {
            return all;
        }
        List<String> spread = new ArrayList<>();
        for (int k = 0; k < max; k++) {
            spread.add(all.get((int) Math.round(k * (all.size() - 1) / (double) (max - 1))));
        }
        return spread;
    }

    private static String window(String title, List<String> sentences) {
        StringBuilder text = new StringBuilder(title == null ? "" : title.strip());
        for (String sentence : sentences) {
            text.append(text.isEmpty() ? "" : "\n").append(sentence);
        }
        return text.toString();
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
            if (host == null
                    || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
