package dev.briefs.job;

import dev.briefs.article.ArticleInput;
import dev.briefs.brief.BriefMaker;
import dev.briefs.brief.BriefResult;
import dev.briefs.brief.Failure;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Makes the briefs of a whole chunk of articles at once, so that their model work can share model
 * calls ({@link BriefMaker#makeAll}), then writes them. Briefs are made here rather than in an item
 * processor because a processor sees one article at a time.
 *
 * <p>When making or writing fails for the chunk, Spring Batch writes its articles again one by one
 * and skips the one that still fails; as the step's skip listener this writer records that article
 * as a failed brief with a ledger row. Briefs do not depend on their neighbours, so the others come
 * out exactly as they would have in the whole chunk.
 */
final class ArticleBriefsWriter implements ItemWriter<ArticleInput>, SkipListener<ArticleInput, ArticleInput> {

    private final BriefMaker maker;
    private final LocalDate runDate;
    private final BriefFileWriter files;

    ArticleBriefsWriter(BriefMaker maker, LocalDate runDate, BriefFileWriter files) {
        this.maker = maker;
        this.runDate = runDate;
        this.files = files;
    }

    /** Making the briefs failed, as opposed to writing them. */
    static final class MakingFailed extends RuntimeException {
        MakingFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public void write(Chunk<? extends ArticleInput> articles) throws Exception {
        List<BriefResult> results;
        try {
            results = maker.makeAll(List.copyOf(articles.getItems()), runDate);
        } catch (RuntimeException e) {
            throw new MakingFailed(e);
        }
        files.write(new Chunk<>(results));
    }

    @Override
    public void onSkipInWrite(ArticleInput article, Throwable t) {
        if (t instanceof MakingFailed made && made.getCause() != null) {
            files.recordFailed(article.id(), article.sourceFile(), Failure.PROCESS, made.getCause());
        } else {
            files.recordFailed(article.id(), article.sourceFile(), Failure.WRITE, t);
        }
    }
}
