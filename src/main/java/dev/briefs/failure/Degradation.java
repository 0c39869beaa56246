package dev.briefs.failure;

/**
 * A brief made, but worse than asked for, and said so in the brief and the digest so that an
 * editor never takes it for the full result.
 *
 * @param kind     one of the constants here
 * @param language the brief language it concerns; null for the whole article
 * @param detail   what happened and, where it helps, what to do, for people
 */
public record Degradation(String kind, String language, String detail) {

    /** The job file names a summarisation model that is not installed; the extractive summariser stood in. */
    public static final String FALLBACK_SUMMARISER = "fallback-summariser";
    /** The article was longer than the job summarises; only its beginning was read. */
    public static final String ARTICLE_CUT = "article-cut";
    /** A sentence was cut: longer than the model reads, or than the brief's word limit. */
    public static final String SENTENCE_CUT = "sentence-cut";
    /** A chunk's summary came back empty; its sentences are missing from the summary. */
    public static final String EMPTY_CHUNK_SUMMARY = "empty-chunk-summary";
    /**
     * Summarising an article's chunk summaries again stopped before one model call made the summary
     * (a round that did not shrink them, or the cap on rounds): the brief is the beginning of what was left.
     */
    public static final String REDUCE_STOPPED = "reduce-stopped";

    /**
     * A term of the house style could not be forced into a translation (its model cannot write it, or searches
     * greedily): the translation was made without it, and the style check says whether it holds the term anyway.
     */
    public static final String STYLE_NOT_FORCED = "style-not-forced";
}
