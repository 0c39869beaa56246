package dev.briefs.brief;

import dev.briefs.failure.Degradation;
import dev.briefs.summarise.SummaryPath;
import java.util.List;
import java.util.Map;

/**
 * One article's brief, as written to {@code ID.json}. Field order here is the order in the file.
 *
 * @param status   {@code ok} when every language is done, {@code partial} when some failed,
 *                 {@code failed} when the article could not be read or nothing could be summarised
 * @param degraded what made the brief worse than asked for without failing it (a stand-in
 *                 summariser, an article or a sentence cut, an empty part): the digest shows it
 * @param summary  which way the summary was made (one model call, map-reduce, extractive); null when the
 *                 article was not summarised, and in briefs written before it was recorded
 */
public record Brief(
        String id,
        String date,
        String title,
        String language,
        String status,
        String error,
        Source source,
        Map<String, LanguageBrief> briefs,
        Chunks chunks,
        List<Degradation> degraded,
        SummaryPath summary) {

    public Brief {
        degraded = degraded == null ? List.of() : List.copyOf(degraded);
    }

    /** A brief with nothing degraded and no summary. */
    public Brief(String id, String date, String title, String language, String status, String error, Source source,
                 Map<String, LanguageBrief> briefs, Chunks chunks) {
        this(id, date, title, language, status, error, source, briefs, chunks, List.of(), null);
    }

    /** A brief without a record of how its summary was made. */
    public Brief(String id, String date, String title, String language, String status, String error, Source source,
                 Map<String, LanguageBrief> briefs, Chunks chunks, List<Degradation> degraded) {
        this(id, date, title, language, status, error, source, briefs, chunks, degraded, null);
    }

    public static final String OK = "ok";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";

    public record Source(String file, String url, List<String> links) {
    }

    /**
     * @param model    the model that made the text, or the extractive summariser's name
     * @param revision the commit of the model's files as its install manifest records it, so that a day
     *                 made on several machines can be audited; {@code unverified} for a model installed
     *                 by hand, absent for the bundled summariser
     * @param status {@code ok} or {@code failed}
     * @param chunks the model calls this language took (the summary's for the article's own language,
     *               the translation's for the others) and how many failed
     */
    public record LanguageBrief(String text, String model, String revision, String status, String error, Chunks chunks) {

        public boolean ok() {
            return OK.equals(status);
        }
    }

    public record Chunks(int total, int failed) {
    }

    public boolean complete() {
        return OK.equals(status);
    }
}
