package dev.briefs.job.nightly;

import dev.briefs.article.ArticleInput;
import dev.briefs.brief.BriefMaker;
import dev.briefs.brief.BriefResult;
import dev.briefs.brief.Failure;
import dev.briefs.cache.OutputCache;
import dev.briefs.failure.ExpectedFailures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Makes the briefs of a whole chunk of articles at once, so that their model work can share model
 * calls ({@link BriefMaker#makeAll}), then writes them. After the planning step ({@link ModelWorkTasklet}) the
 * model outputs are in the output cache already, and only what it could not make is asked of the models here. Briefs are made here rather than in an item
 * processor because a processor sees one article at a time.
 *
 * <p>When making the chunk's briefs fails, which article failed is unknown: each is briefed again
 * alone, and one that still fails for a reason of its own ({@link ExpectedFailures#perArticle})
 * becomes a failed brief with a ledger row, in the chunk's own transaction. Any other failure, a
 * bug or the machine, fails the step: the run stops with exit status 1 and restarts from the last
 * committed chunk. So does a night with more failed articles than its skip limit. Briefs do not
 * depend on their neighbours, so the others come out exactly as they would have in the whole chunk. This is done here, not by Spring Batch's skip-and-scan, because
 * a scan that skips an item rolls its transaction back, and the ledger rows with it. A failure to
 * write the files fails the step: the run stops with exit status 1 and restarts from the last chunk.
 *
 * <p>Not final: it is step-scoped, behind a class proxy.
 */
class ArticleBriefsWriter implements ItemWriter<ArticleInput> {

    private final BriefMaker maker;
    private final LocalDate runDate;
    private final BriefFileWriter files;
    private final FailedArticleLimit limit;
    private final OutputCache cache;
    private final boolean planned;

    /**
     * @param planned whether the planning step made this night's model work ahead: the cache lookups then read it
     *                back, and are not counted again ({@link OutputCache#readingPlan})
     */
    ArticleBriefsWriter(
            BriefMaker maker,
            LocalDate runDate,
            BriefFileWriter files,
            FailedArticleLimit limit,
            OutputCache cache,
            boolean planned) {
        this.maker = maker;
        this.runDate = runDate;
        this.files = files;
        this.limit = limit;
        this.cache = cache;
        this.planned = planned;
    }

    @Override
    public void write(Chunk<? extends ArticleInput> articles) throws Exception {
        List<BriefResult> results;
        try (OutputCache.PlanReading plan = planned ? cache.readingPlan() : OutputCache.PlanReading.NONE) {
            results = make(List.copyOf(articles.getItems()));
        }
        files.write(new Chunk<>(results));
        limit.check();
    }

    private List<BriefResult> make(List<ArticleInput> items) {
        List<BriefResult> results;
        try {
            results = maker.makeAll(items, runDate);
        } catch (RuntimeException chunkFailed) {
            if (!ExpectedFailures.perArticle(chunkFailed)) {
                // A fault of the code or the machine: briefing each article alone would only repeat it,
                // or, where it shows only in a shared call, hide it.
                throw chunkFailed;
            }
            results = new ArrayList<>();
            for (ArticleInput article : items) {
                try {
                    results.add(maker.make(article, runDate));
                } catch (RuntimeException e) {
                    if (!ExpectedFailures.perArticle(e)) {
                        throw e;
                    }
                    results.add(files.failed(article.id(), article.sourceFile(), Failure.PROCESS, e));
                }
            }
        }
        return results;
    }
}
