package dev.briefs.brief;

import dev.briefs.article.Article;
import dev.briefs.article.ArticleInput;
import dev.briefs.article.LanguageDetector;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.summarise.Summariser;
import dev.briefs.summarise.Summary;
import dev.briefs.summarise.WordLimit;
import dev.briefs.translate.Translation;
import dev.briefs.translate.Translator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One article's path to its brief, in order: detect the language, split into sentences, pack
 * them into chunks that fit the summariser's model, summarise, translate the summary into each
 * other target language. A failure in one language is recorded in that language's brief and
 * does not stop the others. Thread-safe; shared by the job's worker threads.
 */
public final class BriefMaker {

    private final LanguageDetector detector;
    private final Summariser summariser;
    private final Translator translator;
    private final List<String> targetLanguages;
    private final int maxWords;
    private final Map<String, SentenceSplitter> splitters = new ConcurrentHashMap<>();

    public BriefMaker(LanguageDetector detector, Summariser summariser, Translator translator,
                      List<String> targetLanguages, int maxWords) {
        this.detector = detector;
        this.summariser = summariser;
        this.translator = translator;
        this.targetLanguages = List.copyOf(targetLanguages);
        this.maxWords = maxWords;
    }

    public Brief make(ArticleInput input, LocalDate runDate) {
        if (!input.readable()) {
            return new Brief(input.id(), runDate.toString(), null, null, Brief.FAILED, input.error(),
                    new Brief.Source(input.sourceFile(), null, List.of()), Map.of(), new Brief.Chunks(0, 0));
        }
        Article article = input.article();
        String date = (article.date() != null ? article.date() : runDate).toString();
        Brief.Source source = new Brief.Source(article.sourceFile(), article.url(), article.links());
        String language = detector.detect(article.text(), article.declaredLanguage());
        if (language == null) {
            return new Brief(article.id(), date, article.title(), null, Brief.FAILED,
                    "cannot tell the article's language (too short or mixed); add a 'language' field to it",
                    source, Map.of(), new Brief.Chunks(0, 0));
        }
        List<String> sentences = splitter(language).split(article.text());
        List<Chunk> chunks = summariser.packerFor(language).pack(sentences);
        Summary summary = summariser.summarise(chunks, language, maxWords);

        int total = summary.chunksTotal();
        int failed = summary.chunksFailed();
        Map<String, Brief.LanguageBrief> briefs = new LinkedHashMap<>();
        for (String target : targetLanguages) {
            if (target.equals(language)) {
                briefs.put(target, summary.text() == null
                        ? failedBrief(summary.model(), summary.error())
                        : new Brief.LanguageBrief(summary.text(), summary.model(), Brief.OK, summary.error()));
            } else if (summary.text() == null) {
                briefs.put(target, failedBrief(null, "no summary to translate: " + summary.error()));
            } else {
                Translation t = translator.translate(summary.text(), language, target);
                // A translation runs longer than its source more often than not; the limit holds for every language.
                String text = t.text() == null ? null : WordLimit.fit(t.text(), splitter(target), maxWords);
                total += t.chunksTotal();
                failed += t.chunksFailed();
                briefs.put(target, text == null
                        ? failedBrief(t.model(), t.error())
                        : new Brief.LanguageBrief(text, t.model(), t.chunksFailed() == 0 ? Brief.OK : Brief.FAILED, t.error()));
            }
        }
        String status;
        if (summary.text() == null) {
            status = Brief.FAILED;
        } else if (failed > 0 || briefs.values().stream().anyMatch(b -> !b.ok())) {
            status = Brief.PARTIAL;
        } else {
            status = Brief.OK;
        }
        return new Brief(article.id(), date, article.title(), language, status, null, source, briefs,
                new Brief.Chunks(total, failed));
    }

    private SentenceSplitter splitter(String language) {
        return splitters.computeIfAbsent(language, SentenceSplitter::new);
    }

    private static Brief.LanguageBrief failedBrief(String model, String error) {
        return new Brief.LanguageBrief(null, model, Brief.FAILED, error);
    }
}
