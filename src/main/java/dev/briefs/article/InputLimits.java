package dev.briefs.article;

/**
 * How much of a day's input the job takes on, so that no input folder, file or page can cost unbounded time or
 * memory (docs/input.md, "Hostile sizes"). Each is a job-file setting; past one, what is over it is a failure
 * that names the file and the setting, never an out-of-memory error or a night that does not end.
 *
 * @param maxFileBytes    larger files are refused unread; for JSON Lines, larger lines
 * @param maxFileArticles articles of one JSON Lines file that are read; the rest of the file is one failed input
 * @param maxHtmlDepth    elements nested deeper in an HTML page make it a failed article
 * @param maxDayArticles  articles in the day's input folder at most; a folder with more is refused before the run
 */
public record InputLimits(long maxFileBytes, int maxFileArticles, int maxHtmlDepth, int maxDayArticles) {

    /**
     * 20 MiB: larger files (for JSON Lines, larger lines) are refused before they are read, so one bad file
     * cannot exhaust memory.
     */
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    /**
     * Half a day's limit, so that one runaway feed leaves room for the day's other files, and more than a
     * newsroom's feed of a day is expected to hold (a judgement, not measured on real feeds). A file of a
     * million lines stops here, after reading 10,001 of them.
     */
    public static final int DEFAULT_MAX_FILE_ARTICLES = 10_000;

    /**
     * jsoup's own default: the depth at which its parser stops nesting elements and puts deeper ones side by side.
     */
    public static final int DEFAULT_MAX_HTML_DEPTH = 512;

    /**
     * The stories step compares every pair of the day's articles, so its time grows with their square: a day of
     * 20,000 articles took 27 minutes of stories on the 2-core build machine, and its memory stayed bounded
     * (docs/input.md, "Hostile sizes").
     */
    public static final int DEFAULT_MAX_DAY_ARTICLES = 20_000;

    public static final InputLimits DEFAULTS = new InputLimits(
            DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILE_ARTICLES, DEFAULT_MAX_HTML_DEPTH, DEFAULT_MAX_DAY_ARTICLES);

    public InputLimits {
        if (maxFileBytes <= 0 || maxFileArticles <= 0 || maxHtmlDepth <= 0 || maxDayArticles <= 0) {
            throw new IllegalArgumentException("input limits must be positive");
        }
    }

    public InputLimits withMaxFileBytes(long bytes) {
        return new InputLimits(bytes, maxFileArticles, maxHtmlDepth, maxDayArticles);
    }
}
