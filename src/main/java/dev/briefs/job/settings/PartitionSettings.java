package dev.briefs.job.settings;

/**
 * How the day is cut for Spring Batch: into partitions that run side by side; in each, the planning step makes the
 * model work of {@code planWindow} articles at a time, then the brief step briefs its articles in chunks of {@code
 * commitInterval}, one transaction a chunk.
 *
 * @param planWindow articles whose model work is made together ahead of their briefs (the job file's {@code
 *                   batch.plan-window}); 0: no planning, each chunk's model work is gathered by itself
 */
public record PartitionSettings(int partitions, int commitInterval, int planWindow) {

    /** Articles per transaction, and, without planning, per gathering of model work. */
    public static final int DEFAULT_COMMIT_INTERVAL = 64;

    /**
     * Articles whose model work is planned together: enough for the inputs of a stage to fill the length buckets
     * (a window's texts, summaries and translations are held in memory, a few MB for 1,000 news articles).
     */
    public static final int DEFAULT_PLAN_WINDOW = 1000;

    /** With planning: the default window. */
    public PartitionSettings(int partitions, int commitInterval) {
        this(partitions, commitInterval, DEFAULT_PLAN_WINDOW);
    }

    public boolean planning() {
        return planWindow > 0;
    }

    /** The partitions are the thread budget's ({@link ThreadBudget#partitions()}): the job file's, else derived. */
    static PartitionSettings resolve(JobFile file, ThreadBudget budget, String where) {
        return new PartitionSettings(
                budget.partitions(),
                SettingValues.positive(file.commitInterval(), DEFAULT_COMMIT_INTERVAL, "commit-interval", where),
                SettingValues.notNegative(
                        file.batch() == null ? null : file.batch().planWindow(),
                        DEFAULT_PLAN_WINDOW,
                        "batch.plan-window",
                        where));
    }
}
