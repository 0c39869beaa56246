package dev.briefs.brief;

import dev.briefs.log.LogFields;
import dev.briefs.trust.BriefChecker;
import dev.briefs.trust.Trust;
import java.util.List;
import java.util.Map;

/**
 * Puts what the checks say into the language briefs of a chunk of articles, as {@link BriefMaker} makes
 * them: a summary against its article, a translation against the summary it translates. All the
 * chunk's translations are checked at once, so that their round trips share model calls as their
 * translations did. The time goes to the {@code check} stage, and the log lines carry it.
 */
final class LanguageChecks {

    /**
     * A translated language brief of the chunk's {@code article}-th article, the summary it translates (which
     * has no language brief of its own when the article's language is not one the job writes) and its
     * translation's confidence.
     */
    record Translated(int article, String language, String source, double confidence) {}

    private final BriefChecker checker;
    private final StageTimers timers;

    LanguageChecks(BriefChecker checker, StageTimers timers) {
        this.checker = checker;
        this.timers = timers;
    }

    /**
     * @param articles    each article's text; null where the summary's checks are kept as they were (a rerun
     *                    that translates the same summary again)
     * @param languages   each article's language, the key of its summary in its briefs
     * @param briefsOf    each article's language briefs, replaced here by the same briefs with their checks
     * @param translations the translated briefs to check
     * @param failuresOf  each article's failures, to which a round trip that failed for good is added
     */
    void apply(
            List<String> ids,
            List<String> articles,
            List<String> languages,
            List<Map<String, Brief.LanguageBrief>> briefsOf,
            List<Translated> translations,
            List<List<Failure>> failuresOf) {
        if (!checker.enabled()) {
            return;
        }
        try (LogFields.Scope scope = LogFields.articles(ids);
                LogFields.Scope stage = LogFields.stage(StageTimers.CHECK)) {
            timers.time(StageTimers.CHECK, () -> {
                for (int k = 0; k < briefsOf.size(); k++) {
                    Brief.LanguageBrief own = briefsOf.get(k).get(languages.get(k));
                    if (articles.get(k) != null && own != null && own.text() != null) {
                        briefsOf.get(k)
                                .put(
                                        languages.get(k),
                                        own.withTrust(checker.summary(articles.get(k), languages.get(k), own.text())));
                    }
                }
                List<BriefChecker.Translated> asked = translations.stream()
                        .map(t -> new BriefChecker.Translated(
                                t.source(),
                                languages.get(t.article()),
                                briefsOf.get(t.article()).get(t.language()).text(),
                                t.language(),
                                t.confidence()))
                        .toList();
                List<Trust> trusts = checker.translations(asked);
                for (int i = 0; i < translations.size(); i++) {
                    Map<String, Brief.LanguageBrief> briefs =
                            briefsOf.get(translations.get(i).article());
                    String language = translations.get(i).language();
                    briefs.put(language, briefs.get(language).withTrust(trusts.get(i)));
                    // Recorded like any model call that failed, so rerun-failed makes the round trip again.
                    List<Failure> failures = failuresOf.get(translations.get(i).article());
                    trusts.get(i)
                            .roundTripFailures()
                            .forEach(f -> failures.add(Failure.of(Failure.CHECK, language, f)));
                }
                // The house style's report was made with the brief; by checks.doubt-on, it may make it doubtful.
                for (Map<String, Brief.LanguageBrief> briefs : briefsOf) {
                    briefs.replaceAll((language, brief) -> brief.style() == null
                            ? brief
                            : brief.withStyle(brief.style(), checker.styleDoubts(brief.style())));
                }
                return null;
            });
        }
    }
}
