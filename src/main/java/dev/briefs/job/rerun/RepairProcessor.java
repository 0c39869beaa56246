package dev.briefs.job.rerun;

import dev.briefs.brief.BriefRepair;
import dev.briefs.brief.BriefResult;
import dev.briefs.brief.Failure;
import dev.briefs.failure.ExpectedFailures;
import dev.briefs.job.nightly.BriefFileWriter;
import java.time.LocalDate;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Redoes one article of the ledger for {@code rerun-failed}. An article that fails again for a
 * reason of its own stays a failed brief with its ledger row; any other failure fails the step, as
 * in the nightly job, so a bug or a broken machine is never recorded as failed articles.
 */
final class RepairProcessor implements ItemProcessor<RerunItem, BriefResult> {

    private final BriefRepair repair;
    private final BriefFileWriter files;
    private final LocalDate date;

    RepairProcessor(BriefRepair repair, BriefFileWriter files, LocalDate date) {
        this.repair = repair;
        this.files = files;
        this.date = date;
    }

    @Override
    public BriefResult process(RerunItem item) {
        try {
            return repair.repair(item.id(), item.sourceFile(), item.stages(), item.translationLanguages(), date);
        } catch (RuntimeException e) {
            if (!ExpectedFailures.perArticle(e)) {
                throw e;
            }
            return files.failed(item.id(), item.sourceFile(), Failure.PROCESS, e);
        }
    }
}
