package dev.briefs.job.nightly;

import dev.briefs.article.ArticleInput;
import dev.briefs.brief.ModelWorkPlanner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The planning step of one partition ({@code modelWorker}): reads the partition's articles a window at a time and
 * makes their model work ahead of the brief step, one stage of a window per call ({@link ModelWorkPlanner}). Its
 * outputs go only to the output cache; it writes no brief and records no failure.
 *
 * <p>Each call is one of Spring Batch's chunks, so the step commits between stages: a stop (SIGTERM) takes effect
 * at the next stage's end, and the reader's position saved in the step's context is the first article of the
 * window in progress. A failed or killed partition restarts from that window, whose finished stages the cache
 * already has; a completed one is not run again.
 *
 * <p>Not final: it is step-scoped, behind a class proxy.
 */
class ModelWorkTasklet implements Tasklet, StepExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ModelWorkTasklet.class);

    private final ModelWorkPlanner planner;
    private final PartitionArticleReader reader;
    private final LocalDate runDate;
    private final int window;
    /** Why planning is off; null when it is on. */
    private final String off;

    private ModelWorkPlanner.Window current;
    private boolean opened;
    private long articles;

    /**
     * @param window       articles planned together; 0: no planning
     * @param cacheEnabled whether the output cache is on: it is where the plan goes, so without it the brief step
     *                     could not find the outputs and would make every one again; the step then does nothing
     */
    ModelWorkTasklet(
            ModelWorkPlanner planner,
            PartitionArticleReader reader,
            LocalDate runDate,
            int window,
            boolean cacheEnabled) {
        this.planner = planner;
        this.reader = reader;
        this.runDate = runDate;
        this.window = window;
        this.off = window <= 0
                ? "batch.plan-window is 0"
                : !cacheEnabled ? "the output cache is off (cache.enabled: false), and a plan is kept there" : null;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (off != null) {
            LOG.info("no planning step: {}; each chunk of articles gathers its own model work", off);
            return RepeatStatus.FINISHED;
        }
        ExecutionContext context =
                chunkContext.getStepContext().getStepExecution().getExecutionContext();
        if (!opened) {
            reader.open(context);
            opened = true;
        }
        if (current == null || current.done()) {
            // Saved with this chunk: where a restart of this partition begins, the window about to be read.
            reader.update(context);
            List<ArticleInput> read = new ArrayList<>();
            for (ArticleInput next = reader.read(); next != null; next = read.size() < window ? reader.read() : null) {
                read.add(next);
            }
            if (read.isEmpty()) {
                LOG.info("model work planned for {} article(s)", articles);
                return RepeatStatus.FINISHED;
            }
            read.forEach(article -> contribution.incrementReadCount());
            articles += read.size();
            current = planner.window(read, runDate);
        }
        ModelWorkPlanner.Stage stage = current.nextStage();
        long start = System.nanoTime();
        int texts = current.runNextStage();
        if (texts > 0) {
            LOG.info(
                    "planned {}: {} text(s) of {} article(s) in {} ms",
                    stage.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    texts,
                    current.articles(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return RepeatStatus.CONTINUABLE;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (opened) {
            reader.close();
        }
        return null;
    }
}
