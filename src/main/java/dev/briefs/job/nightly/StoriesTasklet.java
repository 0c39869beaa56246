package dev.briefs.job.nightly;

import dev.briefs.ledger.StoryRecords;
import dev.briefs.story.StoryFinder;
import dev.briefs.story.StorySettings;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The nightly job's first step: groups the day's articles into stories and records them in the job
 * repository, in the step's transaction, before any article is briefed.
 *
 * <p>Stories already recorded for the date are kept: whatever ran before (a restart after a crash, a later
 * {@code run} of a date whose first run died, a remote worker's partition) sees the same stories as the first
 * run. Only a forced run ({@code run --force}) groups the day again and replaces them, once: its own restart
 * keeps what it recorded.
 */
final class StoriesTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger("dev.briefs.stories");

    private final StoryFinder finder;
    private final StoryRecords records;
    private final StorySettings settings;
    private final Path inputDir;
    private final String date;

    StoriesTasklet(StoryFinder finder, StoryRecords records, StorySettings settings, Path inputDir, String date) {
        this.finder = finder;
        this.records = records;
        this.settings = settings;
        this.inputDir = inputDir;
        this.date = date;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        boolean forced = chunkContext.getStepContext().getJobParameters().get(RunParameters.FORCED) != null;
        long instance = chunkContext
                .getStepContext()
                .getStepExecution()
                .getJobExecution()
                .getJobInstance()
                .getInstanceId();
        if (!settings.enabled()) {
            if (forced) {
                records.delete(date);
            }
            LOG.info("stories are off (stories.enabled: false): each article is a story of its own");
            return RepeatStatus.FINISHED;
        }
        Optional<StoryRecords.Recorded> recorded = records.read(date);
        if (recorded.isPresent() && (!forced || recorded.get().jobInstance() == instance)) {
            LOG.info(
                    "stories as recorded by an earlier run of the date: {} articles",
                    recorded.get().stories().memberships().size());
            return RepeatStatus.FINISHED;
        }
        StoryFinder.Found found = finder.find(inputDir);
        records.replace(date, found.rows(), found.notes(), instance);
        contribution.incrementWriteCount(found.rows().size());
        LOG.info(
                "{} articles in {} stories (models: {}; {})",
                found.rows().size(),
                found.stories(),
                String.join("; ", found.models()),
                found.work());
        found.notes().forEach(note -> LOG.info("stories: {}", note));
        return RepeatStatus.FINISHED;
    }
}
