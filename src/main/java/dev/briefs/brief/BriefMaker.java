package dev.briefs.brief;

import dev.briefs.article.ArticleInput;
import dev.briefs.article.LanguageDetector;
import dev.briefs.brief.ArticlePreparation.Prepared;
import dev.briefs.failure.Degradation;
import dev.briefs.log.LogFields;
import dev.briefs.style.Replaced;
import dev.briefs.summarise.Summariser;
import dev.briefs.summarise.Summary;
import dev.briefs.translate.Translation;
import dev.briefs.translate.Translator;
import dev.briefs.trust.BriefChecker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One article's path to its brief, in order: detect the language, split into sentences, pack
 * them into chunks that fit the summariser's model, summarise, translate the summary into each
 * other target language. A failure in one language is recorded in that language's brief and in
 * the result's failures, and does not stop the others. Thread-safe; shared by the job's threads.
 */
public final class BriefMaker {

    private static final Logger LOG = LoggerFactory.getLogger(BriefMaker.class);

    private final Summariser summariser;
    private final Translator translator;
    private final List<String> targetLanguages;
    private final int maxWords;
    private final ArticlePreparation preparation;
    private final StageTimers timers;
    private final LanguageChecks checks;
    private final BriefStyle style;
    private final LanguageBriefs languageBriefs;

    private BriefMaker(Builder b) {
        this.timers = b.timers != null ? b.timers : StageTimers.detached();
        this.checks = new LanguageChecks(b.checks, this.timers);
        LanguageDetector detector = Objects.requireNonNull(b.detector, "detector");
        this.summariser = Objects.requireNonNull(b.summariser, "summariser");
        this.translator = Objects.requireNonNull(b.translator, "translator");
        this.targetLanguages = List.copyOf(Objects.requireNonNull(b.targetLanguages, "targetLanguages"));
        this.maxWords = Objects.requireNonNull(b.maxWords, "maxWords");
        this.preparation = new ArticlePreparation(detector, summariser);
        this.style = b.style;
        this.languageBriefs = new LanguageBriefs(
                style, Objects.requireNonNull(b.revisions, "revisions"), maxWords, preparation::splitter);
    }

    /**
     * A maker to configure: everything must be given but the stage timers (by default
     * {@link StageTimers#detached()}) and the checks (by default {@link BriefChecker#OFF}).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** What a {@link BriefMaker} is made of. */
    public static final class Builder {

        private LanguageDetector detector;
        private Summariser summariser;
        private Translator translator;
        private List<String> targetLanguages;
        private Integer maxWords;
        private Function<String, String> revisions;
        private StageTimers timers;
        private BriefChecker checks = BriefChecker.OFF;
        private BriefStyle style = BriefStyle.NONE;

        private Builder() {}

        public Builder detector(LanguageDetector detector) {
            this.detector = detector;
            return this;
        }

        public Builder summariser(Summariser summariser) {
            this.summariser = summariser;
            return this;
        }

        public Builder translator(Translator translator) {
            this.translator = translator;
            return this;
        }

        /** The languages each article is briefed in. */
        public Builder targetLanguages(List<String> targetLanguages) {
            this.targetLanguages = targetLanguages;
            return this;
        }

        /** The longest a brief may be, in words. */
        public Builder maxWords(int maxWords) {
            this.maxWords = maxWords;
            return this;
        }

        /**
         * @param revisions the revision of each model by name ({@link dev.briefs.model.ModelRevisions}),
         *                  null for a model that has none
         */
        public Builder revisions(Function<String, String> revisions) {
            this.revisions = revisions;
            return this;
        }

        /** @param timers where the time of the summarise and translate stages goes */
        public Builder timers(StageTimers timers) {
            this.timers = Objects.requireNonNull(timers, "timers");
            return this;
        }

        /** @param checks what checks each language brief, and finds it doubtful or not ({@link BriefChecker#OFF}: nothing) */
        public Builder checks(BriefChecker checks) {
            this.checks = Objects.requireNonNull(checks, "checks");
            return this;
        }

        /**
         * @param style the house style each brief is held to ({@link BriefStyle#NONE}, the default: none); the
         *              translator forces its terms ({@link BriefStyle#terms()}), this replaces and checks
         */
        public Builder style(BriefStyle style) {
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        public BriefMaker build() {
            return new BriefMaker(this);
        }
    }

    /** One article's brief. */
    public BriefResult make(ArticleInput input, LocalDate runDate) {
        return makeAll(List.of(input), runDate).get(0);
    }

    /**
     * The briefs of several articles, in order. Each stage runs for all of them at once, so that
     * model work from different articles can share model calls; every brief is the same as it
     * would be made alone.
     */
    public List<BriefResult> makeAll(List<ArticleInput> inputs, LocalDate runDate) {
        ArticlePreparation.Outcome ready = preparation.prepare(inputs, runDate);
        BriefResult[] out = ready.failed();
        List<Prepared> prepared = ready.prepared();

        List<String> ids = prepared.stream().map(p -> p.article().id()).toList();
        List<Summary> summaries;
        try (LogFields.Scope articles = LogFields.articles(ids);
                LogFields.Scope stage = LogFields.stage(Failure.SUMMARISE)) {
            LOG.debug(
                    "summarising {} article(s), {} chunk(s)",
                    prepared.size(),
                    prepared.stream().mapToInt(p -> p.chunks().size()).sum());
            summaries = timers.time(
                    Failure.SUMMARISE,
                    () -> summariser.summariseAll(prepared.stream()
                            .map(p -> new Summariser.Request(p.chunks(), p.language(), maxWords))
                            .toList()));
        }

        // The summary as the brief holds it, held to the house style; what is translated.
        List<Replaced> styled = new ArrayList<>();
        for (int k = 0; k < prepared.size(); k++) {
            styled.add(style.replace(summaries.get(k).text(), prepared.get(k).language()));
        }
        List<Translator.Request> wanted = new ArrayList<>();
        for (int k = 0; k < prepared.size(); k++) {
            for (String target : targetLanguages) {
                if (!target.equals(prepared.get(k).language())
                        && summaries.get(k).text() != null) {
                    wanted.add(new Translator.Request(
                            styled.get(k).text(), prepared.get(k).language(), target));
                }
            }
        }
        Iterator<Translation> translations;
        try (LogFields.Scope articles = LogFields.articles(ids);
                LogFields.Scope stage = LogFields.stage(Failure.TRANSLATE)) {
            LOG.debug("translating {} summaries", wanted.size());
            translations = timers.time(Failure.TRANSLATE, () -> translator.translateAll(wanted))
                    .iterator();
        }

        List<Map<String, Brief.LanguageBrief>> briefsOf = new ArrayList<>();
        List<List<Failure>> failuresOf = new ArrayList<>();
        List<List<Degradation>> degradedOf = new ArrayList<>();
        List<LanguageChecks.Translated> toCheck = new ArrayList<>();
        for (int k = 0; k < prepared.size(); k++) {
            Prepared p = prepared.get(k);
            Summary summary = summaries.get(k);
            List<Failure> failures = new ArrayList<>();
            summary.failures().forEach(f -> failures.add(Failure.of(Failure.SUMMARISE, p.language(), f)));
            List<Degradation> degraded = new ArrayList<>(p.degraded());
            degraded.addAll(summary.degraded());
            Map<String, Brief.LanguageBrief> briefs = new LinkedHashMap<>();
            Replaced own = styled.get(k);
            for (String target : targetLanguages) {
                if (target.equals(p.language())) {
                    briefs.put(target, languageBriefs.summary(summary, own, p.language()));
                } else if (summary.text() == null) {
                    briefs.put(target, LanguageBriefs.nothingToTranslate(summary));
                } else {
                    Translation t = translations.next();
                    Brief.LanguageBrief translated =
                            languageBriefs.translation(t, own.text(), p.language(), target, failures, degraded);
                    briefs.put(target, translated);
                    if (translated.text() != null) {
                        toCheck.add(new LanguageChecks.Translated(k, target, own.text(), t.confidence()));
                    }
                }
            }
            briefsOf.add(briefs);
            failuresOf.add(failures);
            degradedOf.add(degraded);
        }

        checks.apply(
                ids,
                prepared.stream().map(p -> p.article().text()).toList(),
                prepared.stream().map(Prepared::language).toList(),
                briefsOf,
                toCheck,
                failuresOf);
        for (int k = 0; k < prepared.size(); k++) {
            Prepared p = prepared.get(k);
            Summary summary = summaries.get(k);
            out[p.position()] = new BriefResult(
                    LanguageBriefs.assemble(
                            p.article().id(),
                            p.date(),
                            p.article().title(),
                            p.language(),
                            p.source(),
                            briefsOf.get(k),
                            summary.text() != null,
                            degradedOf.get(k),
                            summary.path()),
                    failuresOf.get(k));
        }
        return Arrays.asList(out);
    }

    /**
     * Translates an existing brief again into the given languages, keeping everything else: what
     * a rerun does when only translations failed. The result is what {@link #make} would give
     * with the translations succeeding, since the summary they translate is the same.
     */
    public BriefResult retranslate(Brief existing, Set<String> languages) {
        Brief.LanguageBrief sourceBrief = existing.briefs().get(existing.language());
        if (sourceBrief == null || sourceBrief.text() == null) {
            throw new IllegalStateException("brief " + existing.id() + " has no " + existing.language()
                    + " summary to translate; it needs a full rerun");
        }
        List<Failure> failures = new ArrayList<>();
        Map<String, Brief.LanguageBrief> briefs = new LinkedHashMap<>(existing.briefs());
        List<String> targets = List.copyOf(languages);
        // What the earlier run said of the languages translated again no longer holds; the rest does.
        List<Degradation> degraded = new ArrayList<>(existing.degraded().stream()
                .filter(d -> d.language() == null || !targets.contains(d.language()))
                .toList());
        List<Translation> done;
        try (LogFields.Scope article = LogFields.article(existing.id());
                LogFields.Scope stage = LogFields.stage(Failure.TRANSLATE)) {
            LOG.debug("translating the summary again into {}", targets);
            done = timers.time(
                    Failure.TRANSLATE,
                    () -> translator.translateAll(targets.stream()
                            .map(t -> new Translator.Request(sourceBrief.text(), existing.language(), t))
                            .toList()));
        }
        List<LanguageChecks.Translated> toCheck = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Brief.LanguageBrief translated = languageBriefs.translation(
                    done.get(i), sourceBrief.text(), existing.language(), targets.get(i), failures, degraded);
            briefs.put(targets.get(i), translated);
            if (translated.text() != null) {
                toCheck.add(new LanguageChecks.Translated(
                        0, targets.get(i), sourceBrief.text(), done.get(i).confidence()));
            }
        }
        // The summary is the one checked before; only the translations made again are checked again.
        checks.apply(
                List.of(existing.id()),
                Collections.singletonList(null),
                List.of(existing.language()),
                List.of(briefs),
                toCheck,
                List.of(failures));
        return new BriefResult(
                LanguageBriefs.assemble(
                        existing.id(),
                        existing.date(),
                        existing.title(),
                        existing.language(),
                        existing.source(),
                        briefs,
                        true,
                        degraded,
                        existing.summary()),
                failures);
    }
}
