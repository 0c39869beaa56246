package dev.briefs.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.briefs.check.CheckResult;
import dev.briefs.failure.Degradation;
import dev.briefs.style.StyleReport;
import dev.briefs.summarise.SummaryPath;
import dev.briefs.trust.RoundTrip;
import dev.briefs.trust.Trust;
import java.util.ArrayList;
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
 * @param story    the id of the day's story the article belongs to (its lead article's id); absent when
 *                 stories are off or were not found for the date, and in briefs written before stories
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
        @JsonInclude(JsonInclude.Include.NON_NULL) SummaryPath summary,
        @JsonInclude(JsonInclude.Include.NON_NULL) String story) {

    public Brief {
        degraded = degraded == null ? List.of() : List.copyOf(degraded);
    }

    /** A brief not (yet) placed in a story. */
    public Brief(
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
        this(id, date, title, language, status, error, source, briefs, chunks, degraded, summary, null);
    }

    /** The same brief, placed in the story {@code storyId} (null: in none). */
    public Brief withStory(String storyId) {
        return new Brief(id, date, title, language, status, error, source, briefs, chunks, degraded, summary, storyId);
    }

    /** A brief with nothing degraded and no summary. */
    public Brief(
            String id,
            String date,
            String title,
            String language,
            String status,
            String error,
            Source source,
            Map<String, LanguageBrief> briefs,
            Chunks chunks) {
        this(id, date, title, language, status, error, source, briefs, chunks, List.of(), null);
    }

    /** A brief without a record of how its summary was made. */
    public Brief(
            String id,
            String date,
            String title,
            String language,
            String status,
            String error,
            Source source,
            Map<String, LanguageBrief> briefs,
            Chunks chunks,
            List<Degradation> degraded) {
        this(id, date, title, language, status, error, source, briefs, chunks, degraded, null);
    }

    public static final String OK = "ok";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";

    public record Source(String file, String url, List<String> links) {}

    /**
     * @param model    the model that made the text, or the extractive summariser's name; for a translation
     *                 through English, the model that wrote this language
     * @param revision the commit of the model's files as its install manifest records it, so that a day
     *                 made on several machines can be audited; {@code unverified} for a model installed
     *                 by hand, absent for the bundled summariser
     * @param status {@code ok} or {@code failed}
     * @param chunks the model calls this language took (the summary's for the article's own language,
     *               the translation's for the others) and how many failed
     * @param route  how a translation was made: {@code direct}, {@code multilingual} or {@code pivot}
     *               (through English); absent for the article's own language, for a translation that had
     *               no route, and in briefs written before routes were recorded
     * @param models the models of the route in the order they ran, each with its revision; absent when
     *               {@code route} is
     * @param confidence   a translation's mean log-probability per generated token (0: certain; lower: less sure);
     *                     absent for the article's own language, when checks are off, and where the model gave none
     * @param roundTrip    the translation translated back and compared with its source; absent for the article's
     *                     own language, when checks are off or round trips are, and by default where no route back
     *                     is installed
     * @param checks       the fact checks (numbers, names, negation) of the text against the text it was made from:
     *                     the article for its own language, the article-language brief for a translation; absent
     *                     when checks are off, when they were not run, and for a language without text
     * @param checksNotRun why the fact checks were not run (a language they cannot read)
     * @param doubtful     why an editor should not trust the text as it is: flagged facts, a confidence or a round
     *                     trip below the job file's thresholds, a house style term missing; absent when none. The
     *                     brief is written all the same.
     * @param style        whether the text held to the house style (docs/style.md): the terms it had to use, found
     *                     and missing, forbidden variants left, kept terms lost, and the replacements made in it;
     *                     absent when the job has no style file, and for a language without text
     */
    public record LanguageBrief(
            String text,
            String model,
            String revision,
            String status,
            String error,
            Chunks chunks,
            @JsonInclude(JsonInclude.Include.NON_NULL) String route,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ModelUse> models,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double confidence,
            @JsonInclude(JsonInclude.Include.NON_NULL) RoundTrip roundTrip,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CheckResult> checks,
            @JsonInclude(JsonInclude.Include.NON_NULL) String checksNotRun,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> doubtful,
            @JsonInclude(JsonInclude.Include.NON_NULL) StyleReport style) {

        public LanguageBrief {
            models = models == null ? null : List.copyOf(models);
            checks = checks == null ? null : List.copyOf(checks);
            doubtful = doubtful == null ? List.of() : List.copyOf(doubtful);
        }

        /** A language brief not held to a house style. */
        public LanguageBrief(
                String text,
                String model,
                String revision,
                String status,
                String error,
                Chunks chunks,
                String route,
                List<ModelUse> models,
                Double confidence,
                RoundTrip roundTrip,
                List<CheckResult> checks,
                String checksNotRun,
                List<String> doubtful) {
            this(
                    text,
                    model,
                    revision,
                    status,
                    error,
                    chunks,
                    route,
                    models,
                    confidence,
                    roundTrip,
                    checks,
                    checksNotRun,
                    doubtful,
                    null);
        }

        /** A language brief made without a route: the article's own language, or a translation with none. */
        public LanguageBrief(String text, String model, String revision, String status, String error, Chunks chunks) {
            this(text, model, revision, status, error, chunks, null, null);
        }

        /** A language brief that was not checked. */
        public LanguageBrief(
                String text,
                String model,
                String revision,
                String status,
                String error,
                Chunks chunks,
                String route,
                List<ModelUse> models) {
            this(text, model, revision, status, error, chunks, route, models, null, null, null, null, List.of());
        }

        /** The same brief with what the checks say of it (null: not checked); its style report stays. */
        public LanguageBrief withTrust(Trust trust) {
            if (trust == null) {
                return new LanguageBrief(
                        text, model, revision, status, error, chunks, route, models, null, null, null, null, List.of(),
                        style);
            }
            return new LanguageBrief(
                    text,
                    model,
                    revision,
                    status,
                    error,
                    chunks,
                    route,
                    models,
                    trust.confidence(),
                    trust.roundTrip(),
                    trust.checks(),
                    trust.checksNotRun(),
                    trust.doubtful(),
                    style);
        }

        /**
         * The same brief with its house style report (null: no style), and the reasons it gives to doubt the text
         * added to the others.
         */
        public LanguageBrief withStyle(StyleReport report, List<String> doubts) {
            List<String> all = new ArrayList<>(doubtful);
            doubts.stream().filter(d -> !all.contains(d)).forEach(all::add);
            return new LanguageBrief(
                    text,
                    model,
                    revision,
                    status,
                    error,
                    chunks,
                    route,
                    models,
                    confidence,
                    roundTrip,
                    checks,
                    checksNotRun,
                    all,
                    report);
        }

        /** True when the checks found a reason to doubt the text. */
        public boolean hasDoubts() {
            return !doubtful.isEmpty();
        }

        public boolean ok() {
            return OK.equals(status);
        }

        /** The models whose work is in the text: the route's, else the one model named. */
        public List<ModelUse> madeBy() {
            if (models != null) {
                return models;
            }
            return model == null ? List.of() : List.of(new ModelUse(model, revision));
        }
    }

    /** A model and the revision of its files, as a language brief's route records them. */
    public record ModelUse(String model, String revision) {}

    public record Chunks(int total, int failed) {}

    public boolean complete() {
        return OK.equals(status);
    }
}
