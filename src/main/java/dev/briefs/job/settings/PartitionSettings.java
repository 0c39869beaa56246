package dev.briefs.job.settings;

/**
 * How the day is cut for Spring Batch: into partitions that run side by side, each briefing its articles in
 * chunks of {@code commitInterval}, one transaction and one gathering of model work a chunk.
 */
public record PartitionSettings(int partitions, int commitInterval) {

    /** Articles per transaction, and so per gathering of model work: large enough for inputs of equal length to meet. */
    public static final int DEFAULT_COMMIT_INTERVAL = 64;

    /** The partitions are the thread budget's ({@link ThreadBudget#partitions()}): the job file's, else derived. */
    static PartitionSettings resolve(JobFile file, ThreadBudget budget, String where) {
        return new PartitionSettings(
                budget.partitions(),
                SettingValues.positive(file.commitInterval(), DEFAULT_COMMIT_INTERVAL, "commit-interval", where));
    }
}
