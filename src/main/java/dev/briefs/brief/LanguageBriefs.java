package dev.briefs.brief;

import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.failure.Degradation;
import dev.briefs.style.Replaced;
import dev.briefs.summarise.Summary;
import dev.briefs.summarise.SummaryPath;
import dev.briefs.summarise.WordLimit;
import dev.briefs.translate.Translation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The language briefs of an article as {@link BriefMaker} makes them, and the brief they make up: the summary in the
 * article's language, each translation kept to the word limit, both held to the house style and recorded with the
 * models (and their revisions) that made them. Thread-safe.
 */
final class LanguageBriefs {

    private final BriefStyle style;
    private final Function<String, String> revisions;
    private final int maxWords;
    private final Function<String, SentenceSplitter> splitters;

    LanguageBriefs(
            BriefStyle style,
            Function<String, String> revisions,
            int maxWords,
            Function<String, SentenceSplitter> splitters) {
        this.style = style;
        this.revisions = revisions;
        this.maxWords = maxWords;
        this.splitters = splitters;
    }

    /**
     * The article's own language: its summary with the style's replacements made ({@code styled}), checked against
     * the summary as it was written.
     */
    Brief.LanguageBrief summary(Summary summary, Replaced styled, String language) {
        return new Brief.LanguageBrief(
                        styled.text(),
                        summary.model(),
                        revision(summary.model()),
                        summary.text() == null ? Brief.FAILED : Brief.OK,
                        summary.error(),
                        new Brief.Chunks(summary.chunksTotal(), summary.chunksFailed()))
                .withStyle(
                        style.check(summary.text(), language, styled.text(), language, styled.replacements()),
                        List.of());
    }

    /** A language the article was not summarised for: the summary's failures are what a rerun redoes, and this. */
    static Brief.LanguageBrief nothingToTranslate(Summary summary) {
        return new Brief.LanguageBrief(
                null, null, null, Brief.FAILED, "no summary to translate: " + summary.error(), new Brief.Chunks(0, 0));
    }

    /**
     * A translation, its failures and degradations added to the article's.
     *
     * @param source the article-language brief it translates, in {@code from}
     */
    Brief.LanguageBrief translation(
            Translation t, String source, String from, String to, List<Failure> failures, List<Degradation> degraded) {
        t.failures().forEach(f -> failures.add(Failure.of(Failure.TRANSLATE, to, f)));
        degraded.addAll(t.degraded());
        Replaced styled = style.replace(t.text(), to);
        SentenceSplitter splitter = splitters.apply(to);
        // A translation runs longer than its source more often than not; the limit holds for every language.
        if (styled.text() != null && WordLimit.cutsASentence(styled.text(), splitter, maxWords)) {
            degraded.add(WordLimit.cut(to, maxWords));
        }
        String translated = styled.text() == null ? null : WordLimit.fit(styled.text(), splitter, maxWords);
        String status = translated != null && t.chunksFailed() == 0 ? Brief.OK : Brief.FAILED;
        List<Brief.ModelUse> models = t.route() == null
                ? null
                : t.route().models().stream()
                        .map(m -> new Brief.ModelUse(m, revision(m)))
                        .toList();
        return new Brief.LanguageBrief(
                        translated,
                        t.model(),
                        revision(t.model()),
                        status,
                        t.error(),
                        new Brief.Chunks(t.chunksTotal(), t.chunksFailed()),
                        t.route() == null ? null : t.route().kind().id(),
                        models)
                .withStyle(style.check(source, from, translated, to, styled.replacements()), List.of());
    }

    private String revision(String model) {
        return model == null ? null : revisions.apply(model);
    }

    /** An article's brief of its language briefs: failed when not summarised, partial when a language failed. */
    static Brief assemble(
            String id,
            String date,
            String title,
            String language,
            Brief.Source source,
            Map<String, Brief.LanguageBrief> briefs,
            boolean summarised,
            List<Degradation> degraded,
            SummaryPath summaryPath) {
        int total = 0;
        int failed = 0;
        for (Brief.LanguageBrief b : briefs.values()) {
            total += b.chunks().total();
            failed += b.chunks().failed();
        }
        String status;
        if (!summarised) {
            status = Brief.FAILED;
        } else if (failed > 0 || briefs.values().stream().anyMatch(b -> !b.ok())) {
            status = Brief.PARTIAL;
        } else {
            status = Brief.OK;
        }
        return new Brief(
                id,
                date,
                title,
                language,
                status,
                null,
                source,
                briefs,
                new Brief.Chunks(total, failed),
                degraded,
                summaryPath);
    }
}
