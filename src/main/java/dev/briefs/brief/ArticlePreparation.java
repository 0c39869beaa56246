package dev.briefs.brief;

import dev.briefs.article.Article;
import dev.briefs.article.ArticleInput;
import dev.briefs.article.LanguageDetector;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.failure.Degradation;
import dev.briefs.summarise.Summariser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first steps of an article's path, before any model runs: its language detected, its text split into
 * sentences and packed into the chunks its summariser's model takes. {@link BriefMaker} and {@link
 * ModelWorkPlanner} both start here, so that the planner asks the models exactly what the brief step will.
 * Thread-safe.
 */
final class ArticlePreparation {

    /**
     * Sentences of an article that are summarised; the rest is not read. News puts what matters
     * first, and ranking compares every pair of sentences, so a pathological article (a whole book
     * in one file) would otherwise cost time and memory quadratic in its length.
     */
    static final int MAX_SENTENCES = 400;

    /** An article read and split, waiting for its summary and translations; {@code position} is its input's. */
    record Prepared(
            int position,
            Article article,
            String date,
            Brief.Source source,
            String language,
            List<Chunk> chunks,
            List<Degradation> degraded) {}

    /**
     * @param prepared the inputs that go on to their summaries, in order
     * @param failed   at each input's position, the brief of one that cannot be briefed (unreadable, its language
     *                 unknown); null at the others
     */
    record Outcome(List<Prepared> prepared, BriefResult[] failed) {}

    private final LanguageDetector detector;
    private final Summariser summariser;
    private final Map<String, SentenceSplitter> splitters = new ConcurrentHashMap<>();

    ArticlePreparation(LanguageDetector detector, Summariser summariser) {
        this.detector = detector;
        this.summariser = summariser;
    }

    Outcome prepare(List<ArticleInput> inputs, LocalDate runDate) {
        BriefResult[] failed = new BriefResult[inputs.size()];
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ArticleInput input = inputs.get(i);
            if (!input.readable()) {
                failed[i] = articleFailed(
                        input.id(),
                        runDate.toString(),
                        null,
                        new Brief.Source(input.sourceFile(), null, List.of()),
                        Failure.READ,
                        "UnreadableArticle",
                        input.error());
                continue;
            }
            Article article = input.article();
            String date = (article.date() != null ? article.date() : runDate).toString();
            Brief.Source source = new Brief.Source(article.sourceFile(), article.url(), article.links());
            String language = detector.detect(article.text(), article.declaredLanguage());
            if (language == null) {
                failed[i] = articleFailed(
                        article.id(),
                        date,
                        article.title(),
                        source,
                        Failure.PROCESS,
                        "UnknownLanguage",
                        "cannot tell the article's language (too short or mixed); add a 'language' field to it");
                continue;
            }
            List<String> sentences = splitter(language).split(article.text());
            List<Degradation> degraded = new ArrayList<>();
            if (sentences.size() > MAX_SENTENCES) {
                degraded.add(new Degradation(
                        Degradation.ARTICLE_CUT,
                        null,
                        "the article has " + sentences.size() + " sentences; only the first " + MAX_SENTENCES
                                + " were summarised"));
                sentences = sentences.subList(0, MAX_SENTENCES);
            }
            prepared.add(new Prepared(
                    i,
                    article,
                    date,
                    source,
                    language,
                    summariser.packerFor(language).pack(sentences),
                    degraded));
        }
        return new Outcome(prepared, failed);
    }

    SentenceSplitter splitter(String language) {
        return splitters.computeIfAbsent(language, SentenceSplitter::new);
    }

    private static BriefResult articleFailed(
            String id, String date, String title, Brief.Source source, String stage, String errorType, String message) {
        Brief brief = new Brief(id, date, title, null, Brief.FAILED, message, source, Map.of(), new Brief.Chunks(0, 0));
        return new BriefResult(brief, List.of(new Failure(stage, null, 0, errorType, message, 1)));
    }
}
