package dev.briefs.trust;

import dev.briefs.check.CheckKind;
import dev.briefs.check.CheckLanguage;
import dev.briefs.check.CheckResult;
import dev.briefs.check.FactChecker;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.failure.ExpectedFailures;
import dev.briefs.style.StyleReport;
import dev.briefs.translate.Translation;
import dev.briefs.translate.Translator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks the language briefs of a night: each summary against its article, each translation against
 * the summary it translates (numbers, names, negation, by {@link FactChecker}), and each translation's
 * confidence and round trip, and says which are doubtful by the job file's thresholds. A doubtful brief
 * is still written; nothing here fails a brief. The round trips of many articles go through the
 * translator together, so they share model calls, the output cache and the retries as translations do.
 * Deterministic: the same briefs get the same checks whatever else runs. Thread-safe.
 */
public final class BriefChecker {

    /** Checks off: nothing is checked, nothing built. */
    public static final BriefChecker OFF = new BriefChecker(CheckSettings.DISABLED, null, null, () -> {
        throw new IllegalStateException("checks are off: no fact checker");
    });

    private final CheckSettings settings;
    private final Translator translator;
    private final RoundTripScorer scorer;
    private final Supplier<FactChecker> checker;

    /** Fact checks by the JVM's one {@link SharedFactChecker}, built at the first check. */
    public BriefChecker(CheckSettings settings, Translator translator, RoundTripScorer scorer) {
        this(settings, translator, scorer, SharedFactChecker::get);
    }

    BriefChecker(CheckSettings settings, Translator translator, RoundTripScorer scorer, Supplier<FactChecker> checker) {
        this.settings = settings;
        this.translator = translator;
        this.scorer = scorer;
        this.checker = checker;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Why a language brief is doubtful by its house style report: a required term missing, a forbidden variant
     * left, a kept term lost. None when checks are off or {@code checks.doubt-on} leaves {@code style} out.
     */
    public List<String> styleDoubts(StyleReport report) {
        if (!enabled() || report == null || !settings.doubtOn().contains(CheckKind.STYLE)) {
            return List.of();
        }
        return Doubts.ofStyle(report);
    }

    /** What the checks say of a summary in its article's language; null when checks are off. */
    public Trust summary(String article, String language, String summary) {
        if (!enabled()) {
            return null;
        }
        String refused = refusal(language);
        List<CheckResult> results =
                refused != null ? null : checker.get().checkSummary(article, language, summary, language);
        return new Trust(results, refused, null, null, Doubts.of(settings, results, null, null));
    }

    /**
     * A translation as its language brief has it.
     *
     * @param source         the summary it translates
     * @param text           the translation as written in the brief
     * @param confidence     the model's mean log-probability per generated token; NaN when unknown
     */
    public record Translated(String source, String sourceLanguage, String text, String language, double confidence) {

        /** Its round trip: the translation taken back into its source's language. */
        Translator.Request back() {
            return new Translator.Request(text, language, sourceLanguage);
        }
    }

    /** What the checks say of each translation, in order; nulls when checks are off. */
    public List<Trust> translations(List<Translated> translations) {
        Trust[] out = new Trust[translations.size()];
        if (!enabled()) {
            return Arrays.asList(out);
        }
        Map<Integer, List<ChunkFailure>> tripFailures = new HashMap<>();
        RoundTrip[] trips = roundTrips(translations, tripFailures);
        for (int i = 0; i < out.length; i++) {
            Translated t = translations.get(i);
            String refused = refusal(t.sourceLanguage(), t.language());
            List<CheckResult> results = refused != null
                    ? null
                    : checker.get().checkTranslation(t.source(), t.sourceLanguage(), t.text(), t.language());
            Double confidence = Double.isNaN(t.confidence()) ? null : round(t.confidence());
            out[i] = new Trust(
                    results,
                    refused,
                    confidence,
                    trips[i],
                    Doubts.of(settings, results, confidence, trips[i]),
                    tripFailures.getOrDefault(i, List.of()));
        }
        return Arrays.asList(out);
    }

    /** The fact checks' own refusal of a language they cannot read (a reason, not a failure); null when they read all. */
    private static String refusal(String... languages) {
        for (String language : languages) {
            try {
                CheckLanguage.of(language);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    /**
     * The translations back that {@link #translations} makes for these translations, in order: what a planner may
     * make ahead of the checks (through the same models and output cache). None when checks or round trips are off.
     */
    public List<Translator.Request> roundTrips(List<Translated> translations) {
        if (!enabled() || settings.roundTrip() == CheckSettings.RoundTripMode.OFF) {
            return List.of();
        }
        return roundTripsAsked(translations).stream()
                .map(i -> translations.get(i).back())
                .toList();
    }

    /** Which translations get a round trip, by position. */
    private List<Integer> roundTripsAsked(List<Translated> translations) {
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < translations.size(); i++) {
            Translated t = translations.get(i);
            // By default a round trip is made where a route back is installed; asked for, it says why there is none.
            if (settings.roundTrip() == CheckSettings.RoundTripMode.ON
                    || translator.hasRoute(t.language(), t.sourceLanguage())) {
                asked.add(i);
            }
        }
        return asked;
    }

    /** @param failures filled with the failed model calls of each round trip that has any, by translation */
    private RoundTrip[] roundTrips(List<Translated> translations, Map<Integer, List<ChunkFailure>> failures) {
        RoundTrip[] out = new RoundTrip[translations.size()];
        if (settings.roundTrip() == CheckSettings.RoundTripMode.OFF) {
            return out;
        }
        List<Integer> asked = roundTripsAsked(translations);
        List<Translator.Request> back =
                asked.stream().map(i -> translations.get(i).back()).toList();
        List<Translation> done = translateBack(back);
        for (int k = 0; k < asked.size(); k++) {
            Translated t = translations.get(asked.get(k));
            Translation b = done.get(k);
            if (!b.failures().isEmpty()) {
                failures.put(asked.get(k), b.failures());
            }
            out[asked.get(k)] = b.text() == null || b.chunksFailed() > 0
                    ? RoundTrip.notMeasured(
                            b.model(),
                            "translating back from " + t.language() + " to " + t.sourceLanguage() + " failed: "
                                    + b.error())
                    : RoundTrip.measured(
                            round(scorer.score(t.source(), b.text(), t.sourceLanguage())),
                            scorer.measureFor(t.sourceLanguage()),
                            b.model(),
                            b.text());
        }
        return out;
    }

    /**
     * The translations back. Model failures come back inside each translation; a failure that escapes the
     * shared work (one input the model refuses to measure) is one text's: each is then translated back
     * alone, and one that still fails is not measured. A bug fails the night as anywhere else.
     */
    private List<Translation> translateBack(List<Translator.Request> back) {
        try {
            return translator.translateAll(back);
        } catch (RuntimeException shared) {
            if (!ExpectedFailures.perArticle(shared)) {
                throw shared;
            }
            List<Translation> alone = new ArrayList<>();
            for (Translator.Request r : back) {
                try {
                    alone.add(translator.translate(r.text(), r.sourceLanguage(), r.targetLanguage()));
                } catch (RuntimeException e) {
                    if (!ExpectedFailures.perArticle(e)) {
                        throw e;
                    }
                    alone.add(Translation.failed(null, e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
                }
            }
            return alone;
        }
    }

    /** Four decimals: what the brief records is what the thresholds compare. */
    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
