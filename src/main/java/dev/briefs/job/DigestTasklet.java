package dev.briefs.job;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.DayFeed;
import dev.briefs.brief.DayReport;
import dev.briefs.brief.Digest;
import java.nio.file.Path;
import java.util.List;
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
        // Read once: on a night of thousands of articles each reading of the folder is thousands of files.
        List<Brief> briefs = BriefFiles.readAll(outputDir);
        DayReport report = Digest.rebuild(outputDir, date, briefs);
        DayFeed.rebuild(outputDir, date, briefs);
        contribution.incrementWriteCount(report.articles());
        return RepeatStatus.FINISHED;
    }
}
