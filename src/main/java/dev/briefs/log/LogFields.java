package dev.briefs.log;

import java.util.List;
import org.slf4j.MDC;

/**
 * The fields that tie a log line to the night's work: the date being run, the article and the
 * stage of its path (read, summarise, translate, write). They travel in SLF4J's MDC, so the plain
 * pattern prints them and the JSON formats carry them as fields a log shipper can filter on.
 *
 * <p>The MDC belongs to a thread: each scope restores what was there before, so a stage inside an
 * article inside a date unwinds cleanly, and a pooled thread keeps nothing of the last article.
 */
public final class LogFields {

    public static final String DATE = "date";
    public static final String ARTICLE = "article";
    public static final String STAGE = "stage";

    /** The logger of each article's outcome: one line per brief, and one per failure or degradation. */
    public static final String ARTICLES_LOGGER = "dev.briefs.articles";
    /** The logger of the periodic progress lines of a run that is not on a terminal. */
    public static final String PROGRESS_LOGGER = "dev.briefs.progress";

    /** Model work is shared by many articles; a line names the first few, not hundreds. */
    static final int NAMED = 3;

    private LogFields() {}

    public static Scope date(String date) {
        return new Scope(DATE, date);
    }

    public static Scope article(String id) {
        return new Scope(ARTICLE, id);
    }

    /** Work done for several articles at once, such as a model call shared by a chunk's articles. */
    public static Scope articles(List<String> ids) {
        if (ids.size() <= NAMED) {
            return new Scope(ARTICLE, String.join(",", ids));
        }
        return new Scope(ARTICLE, String.join(",", ids.subList(0, NAMED)) + ",+" + (ids.size() - NAMED));
    }

    public static Scope stage(String stage) {
        return new Scope(STAGE, stage);
    }

    /** Puts a field for as long as the scope is open, and puts back what was there when it closes. */
    public static final class Scope implements AutoCloseable {

        private final String key;
        private final String previous;

        private Scope(String key, String value) {
            this.key = key;
            this.previous = MDC.get(key);
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }
}
