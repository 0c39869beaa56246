package dev.briefs.job.settings;

/**
 * How the day is cut for Spring Batch: into partitions that run side by side, each briefing its articles in
 * chunks of {@code commitInterval}, one transaction and one gathering of model work a chunk.
 */
public record PartitionSettings(int partitions, int commitInterval) {

    /** Articles per transaction, and so per gathering of model work: large enough for inputs of equal length to meet. */
    public static final int DEFAULT_COMMIT_INTERVAL = 64;

    static PartitionSettings resolve(JobFile file, String where) {
        return new PartitionSettings(
                SettingValues.positive(
                        file.partitions(), Runtime.getRuntime().availableProcessors(), "partitions", where),
                SettingValues.positive(file.commitInterval(), DEFAULT_COMMIT_INTERVAL, "commit-interval", where));
    }
}
