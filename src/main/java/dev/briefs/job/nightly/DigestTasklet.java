package dev.briefs.job.nightly;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.brief.DayFeed;
import dev.briefs.brief.DayReport;
import dev.briefs.brief.Digest;
import dev.briefs.brief.StoryBrief;
import dev.briefs.ledger.StoryBook;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Rebuilds the day's derived files ({@code briefs.jsonl}, {@code digest.md}, {@code briefs.atom}) from
 * the per-article files, one entry a story of the day as recorded ({@link StoryBook}). The nightly job and {@code rerun-failed} both end with this step.
 */
final class DigestTasklet implements Tasklet {

    private final Path outputDir;
    private final String date;
    private final StoryBook stories;

    DigestTasklet(Path outputDir, String date, StoryBook stories) {
        this.outputDir = outputDir;
        this.date = date;
        this.stories = stories;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        // Read once: on a night of thousands of articles each reading of the folder is thousands of files.
        List<Brief> briefs = BriefFiles.readAll(outputDir);
        List<StoryBrief> day = stories.of(date).arrange(briefs);
        DayReport report = Digest.rebuild(outputDir, date, briefs, day);
        DayFeed.rebuild(outputDir, date, day);
        contribution.incrementWriteCount(report.articles());
        return RepeatStatus.FINISHED;
    }
}
