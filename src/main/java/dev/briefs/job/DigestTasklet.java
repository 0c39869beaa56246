package dev.briefs.job;

import dev.briefs.brief.DayFeed;
import dev.briefs.brief.DayReport;
import dev.briefs.brief.Digest;
import java.nio.file.Path;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Rebuilds the day's derived files ({@code briefs.jsonl}, {@code digest.md}, {@code briefs.atom}) from
 * the per-article files. The nightly job and {@code rerun-failed} both end with this step.
 */
final class DigestTasklet implements Tasklet {

    private final Path outputDir;
    private final String date;

    DigestTasklet(Path outputDir, String date) {
        this.outputDir = outputDir;
        this.date = date;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        DayReport report = Digest.rebuild(outputDir, date);
        DayFeed.rebuild(outputDir, date);
        contribution.incrementWriteCount(report.articles());
        return RepeatStatus.FINISHED;
    }
}
