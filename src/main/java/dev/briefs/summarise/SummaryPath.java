package dev.briefs.summarise;

/**
 * Which way a summary was made, recorded in the brief so that an editor (and an audit of a night)
 * can tell a model's summary of the whole article from one of its beginning or a stand-in's.
 *
 * @param path   {@value #SINGLE_CALL}, {@value #MAP_REDUCE}, {@value #EXTRACTIVE} or {@value #EXTRACTIVE_FALLBACK}
 * @param rounds reduce rounds after the chunk summaries (0 unless map-reduce)
 * @param chunks chunks of the article the summariser was given
 */
public record SummaryPath(String path, int rounds, int chunks) {

    /** The article fitted one model call: its summary is that call's output. */
    public static final String SINGLE_CALL = "single-call";
    /** Each chunk was summarised, then the joined summaries again, round by round, until one call made the summary. */
    public static final String MAP_REDUCE = "map-reduce";
    /** The extractive summariser, as the job file asks for this language. */
    public static final String EXTRACTIVE = "extractive";
    /** The extractive summariser standing in for a model the job file names but that is not installed. */
    public static final String EXTRACTIVE_FALLBACK = "extractive-fallback";

    public static SummaryPath abstractive(int chunks, int rounds) {
        return new SummaryPath(chunks > 1 ? MAP_REDUCE : SINGLE_CALL, rounds, chunks);
    }

    public static SummaryPath extractive(int chunks) {
        return new SummaryPath(EXTRACTIVE, 0, chunks);
    }

    /** The same extractive summary, marked as standing in for a missing model. */
    public SummaryPath asFallback() {
        return new SummaryPath(EXTRACTIVE_FALLBACK, rounds, chunks);
    }

    /** A few words for people, as the Markdown brief shows them. */
    public String describe() {
        return switch (path) {
            case SINGLE_CALL -> "one model call";
            case MAP_REDUCE ->
                "map-reduce over " + chunks + " chunks, " + rounds + (rounds == 1 ? " reduce round" : " reduce rounds");
            case EXTRACTIVE_FALLBACK -> "extractive, standing in for the missing model";
            default -> path;
        };
    }
}
