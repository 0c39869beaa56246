package dev.briefs.job;

import dev.briefs.article.ArticleInput;
import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.BriefResult;
import dev.briefs.brief.Failure;
import dev.briefs.ledger.FailureLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each brief's {@code ID.json} and {@code ID.md} (atomically; rewriting one is harmless)
 * and reconciles the article's rows in the failure ledger. As the step's skip listener it also
 * records articles whose processing or writing failed for good, so that none goes missing.
 */
final class BriefFileWriter implements ItemWriter<BriefResult>, SkipListener<Object, BriefResult> {

    private final Path outputDir;
    private final String runDate;
    private final RunProgress progress;
    private final FailureLedger ledger;

    BriefFileWriter(Path outputDir, String runDate, RunProgress progress, FailureLedger ledger) {
        this.outputDir = outputDir;
        this.runDate = runDate;
        this.progress = progress;
        this.ledger = ledger;
    }

    @Override
    public void write(Chunk<? extends BriefResult> results) throws IOException {
        for (BriefResult result : results) {
            Brief brief = result.brief();
            BriefFiles.write(outputDir, brief);
            ledger.reconcile(runDate, brief.id(), brief.source().file(), result.failures());
            progress.written(brief);
        }
    }

    /** Items are articles in the nightly job and ledger items in the rerun job. */
    @Override
    public void onSkipInProcess(Object item, Throwable t) {
        if (item instanceof ArticleInput article) {
            recordFailed(article.id(), article.sourceFile(), Failure.PROCESS, t);
        } else if (item instanceof RerunItem rerun) {
            recordFailed(rerun.id(), rerun.sourceFile(), Failure.PROCESS, t);
        }
    }

    @Override
    public void onSkipInWrite(BriefResult item, Throwable t) {
        ledger.reconcile(runDate, item.brief().id(), item.brief().source().file(),
                List.of(failure(Failure.WRITE, t)));
    }

    private void recordFailed(String id, String sourceFile, String stage, Throwable t) {
        Failure failure = failure(stage, t);
        Brief brief = new Brief(id, runDate, null, null, Brief.FAILED, failure.message(),
                new Brief.Source(sourceFile, null, List.of()), Map.of(), new Brief.Chunks(0, 0));
        try {
            BriefFiles.write(outputDir, brief);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ledger.reconcile(runDate, id, sourceFile, List.of(failure));
        progress.written(brief);
    }

    private static Failure failure(String stage, Throwable t) {
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return new Failure(stage, null, 0, t.getClass().getSimpleName(), stage + " failed: " + message, 1);
    }
}
