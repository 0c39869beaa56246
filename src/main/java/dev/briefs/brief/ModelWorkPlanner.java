package dev.briefs.brief;

import dev.briefs.article.ArticleInput;
import dev.briefs.article.LanguageDetector;
import dev.briefs.brief.ArticlePreparation.Prepared;
import dev.briefs.failure.ExpectedFailures;
import dev.briefs.log.LogFields;
import dev.briefs.summarise.Summariser;
import dev.briefs.summarise.Summary;
import dev.briefs.summarise.WordLimit;
import dev.briefs.translate.Translation;
import dev.briefs.translate.Translator;
import dev.briefs.trust.BriefChecker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model work of many articles made ahead of their briefs, stage by stage over a whole window of articles:
 * every summary chunk and reduce round, then every translation, then every round trip. Each stage's inputs from
 * the whole window meet in the length buckets of {@link dev.briefs.batch.BatchPlan}, so calls are fuller than
 * when a chunk of a few dozen articles is briefed at once. Nothing is kept here: the outputs go to the output
 * cache, which the models are wrapped in, and {@link BriefMaker} then finds every one there and calls no model.
 *
 * <p>It asks exactly what {@link BriefMaker} will ask, since both prepare articles the same way ({@link
 * ArticlePreparation}) and translate what the brief will hold (the summary, the translation kept to the word
 * limit). Failures are not this class's business: it is given a summariser and a translator that call each model
 * once, without retries, and an input that fails is simply not cached; the brief step then calls it again, with
 * its retries, and records it. A failure that escapes a stage for one article's reason is narrowed down by
 * halving the stage's work until it is alone, and that article is left to the brief step. Any other failure (a
 * bug, the machine, the database) is thrown. Thread-safe; each window is one partition's.
 */
public final class ModelWorkPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ModelWorkPlanner.class);

    /** The stages of a window, in order. */
    public enum Stage {
        SUMMARIES,
        TRANSLATIONS,
        ROUND_TRIPS,
        DONE
    }

    private final ArticlePreparation preparation;
    private final Summariser summariser;
    private final Translator translator;
    private final Translator roundTripTranslator;
    private final BriefChecker checks;
    private final List<String> targetLanguages;
    private final int maxWords;
    private final StageTimers timers;
    private final BriefStyle style;

    /**
     * @param summariser the summariser of each language, calling each model once (no retries)
     * @param translator the translator, calling each model once (no retries), forcing the house style's terms
     * @param roundTripTranslator the same without the style, as the checks' round trips translate
     * @param checks     the night's checks, which say which round trips a brief will make
     * @param style      the house style, which the brief step applies to the summaries before they are translated
     */
    public ModelWorkPlanner(
            LanguageDetector detector,
            Summariser summariser,
            Translator translator,
            Translator roundTripTranslator,
            BriefChecker checks,
            List<String> targetLanguages,
            int maxWords,
            StageTimers timers,
            BriefStyle style) {
        this.summariser = Objects.requireNonNull(summariser, "summariser");
        this.preparation = new ArticlePreparation(Objects.requireNonNull(detector, "detector"), summariser);
        this.translator = Objects.requireNonNull(translator, "translator");
        this.roundTripTranslator = Objects.requireNonNull(roundTripTranslator, "roundTripTranslator");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.targetLanguages = List.copyOf(targetLanguages);
        this.maxWords = maxWords;
        this.timers = Objects.requireNonNull(timers, "timers");
        this.style = Objects.requireNonNull(style, "style");
    }

    /** A window of articles whose model work is to be made, one stage at a time ({@link Window#runNextStage}). */
    public Window window(List<ArticleInput> inputs, LocalDate runDate) {
        return new Window(prepared(inputs, runDate));
    }

    /** The articles that go on to their summaries; one that cannot be prepared for a reason of its own is left out. */
    private List<Prepared> prepared(List<ArticleInput> inputs, LocalDate runDate) {
        try {
            return preparation.prepare(inputs, runDate).prepared();
        } catch (RuntimeException e) {
            if (!ExpectedFailures.perArticle(e)) {
                throw e;
            }
            if (inputs.size() == 1) {
                LOG.debug(
                        "article {} left to the brief step, which records it: {}",
                        inputs.get(0).id(),
                        e.toString());
                return List.of();
            }
            int half = inputs.size() / 2;
            List<Prepared> out = new ArrayList<>(prepared(inputs.subList(0, half), runDate));
            out.addAll(prepared(inputs.subList(half, inputs.size()), runDate));
            return out;
        }
    }

    /** One window's model work; not thread-safe (one partition's thread runs it). */
    public final class Window {

        private final List<Prepared> articles;
        private Stage next = Stage.SUMMARIES;
        private List<Summary> summaries = List.of();
        private final List<BriefChecker.Translated> translated = new ArrayList<>();

        private Window(List<Prepared> articles) {
            this.articles = articles;
        }

        public Stage nextStage() {
            return next;
        }

        public boolean done() {
            return next == Stage.DONE;
        }

        public int articles() {
            return articles.size();
        }

        /** @return how many texts the stage asked of the models (before the cache, which may have some) */
        public int runNextStage() {
            return switch (next) {
                case SUMMARIES -> {
                    next = Stage.TRANSLATIONS;
                    yield summaries();
                }
                case TRANSLATIONS -> {
                    next = Stage.ROUND_TRIPS;
                    yield translations();
                }
                case ROUND_TRIPS -> {
                    next = Stage.DONE;
                    yield roundTrips();
                }
                case DONE -> 0;
            };
        }

        private int summaries() {
            List<Summariser.Request> asked = articles.stream()
                    .map(p -> new Summariser.Request(p.chunks(), p.language(), maxWords))
                    .toList();
            summaries = stage(Failure.SUMMARISE, asked, summariser::summariseAll);
            return asked.stream().mapToInt(r -> r.chunks().size()).sum();
        }

        /** Only complete summaries: one with a failed chunk is summarised again by the brief step, and may change. */
        private int translations() {
            List<Translator.Request> asked = new ArrayList<>();
            List<Prepared> of = new ArrayList<>();
            for (int k = 0; k < articles.size(); k++) {
                Summary summary = summaries.get(k);
                if (summary == null || !summary.ok()) {
                    continue;
                }
                String styled = style.replace(summary.text(), articles.get(k).language())
                        .text();
                for (String target : targetLanguages) {
                    if (!target.equals(articles.get(k).language())) {
                        asked.add(new Translator.Request(styled, articles.get(k).language(), target));
                        of.add(articles.get(k));
                    }
                }
            }
            List<Translation> done = stage(Failure.TRANSLATE, asked, translator::translateAll);
            for (int i = 0; i < asked.size(); i++) {
                Translation t = done.get(i);
                if (t != null && t.text() != null && t.failures().isEmpty()) {
                    Translator.Request r = asked.get(i);
                    // What the brief holds, and so what its round trip translates back.
                    String kept = WordLimit.fit(
                            style.replace(t.text(), r.targetLanguage()).text(),
                            preparation.splitter(r.targetLanguage()),
                            maxWords);
                    translated.add(new BriefChecker.Translated(
                            r.text(), r.sourceLanguage(), kept, r.targetLanguage(), t.confidence()));
                }
            }
            return asked.size();
        }

        private int roundTrips() {
            List<Translator.Request> asked = checks.roundTrips(translated);
            stage(StageTimers.CHECK, asked, roundTripTranslator::translateAll);
            return asked.size();
        }
    }

    /** A stage's work over the window, timed under its stage; results in order, null where one article's failed. */
    private <R, T> List<T> stage(String name, List<R> asked, Function<List<R>, List<T>> work) {
        if (asked.isEmpty()) {
            return List.of();
        }
        try (LogFields.Scope stage = LogFields.stage(name)) {
            return timers.time(name, () -> alone(asked, work));
        }
    }

    /**
     * The work over all of {@code asked}; where it fails for one input's reason, over each half, until the input
     * is alone: its result is then null, and the brief step meets the failure again and records it.
     */
    private static <R, T> List<T> alone(List<R> asked, Function<List<R>, List<T>> work) {
        try {
            return work.apply(asked);
        } catch (RuntimeException e) {
            if (!ExpectedFailures.perArticle(e)) {
                throw e;
            }
            if (asked.size() == 1) {
                LOG.debug("left to the brief step, which records it: {}", e.toString());
                return Collections.singletonList(null);
            }
            int half = asked.size() / 2;
            List<T> out = new ArrayList<>(alone(asked.subList(0, half), work));
            out.addAll(alone(asked.subList(half, asked.size()), work));
            return out;
        }
    }
}
