package dev.briefs.job.settings;

import dev.briefs.batch.BatchSettings;
import dev.briefs.cache.CacheSettings;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.optimum.Variant;
import dev.briefs.story.StorySettings;
import dev.briefs.style.Style;
import dev.briefs.trust.CheckSettings;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Everything one run needs to know, resolved from the job file, the command line and defaults: one record per
 * block of the job file, each checked as it is read, and each its own bean in the run's context (see
 * {@code job.wiring.SettingsConfiguration}), so that a class asks for the block it uses.
 *
 * @param compute the machine's compute threads, from which the partitions and the sessions' intra-op threads are
 *     derived
 * @param kafka null when the job file has no {@code kafka} block: the night runs on this machine alone
 * @param style the house style its {@code style} file gives, read and checked; {@link Style#EMPTY} when it names none
 */
public record JobSettings(
        String jobName,
        Path jobFile,
        RunFolders folders,
        BriefSettings brief,
        ReadingSettings reading,
        PartitionSettings partitioning,
        ThreadBudget compute,
        FailureSettings failures,
        ModelSettings models,
        BatchSettings batch,
        OrtSessionSettings onnx,
        RepositorySettings repository,
        KafkaSettings kafka,
        CacheSettings cache,
        StorySettings stories,
        CheckSettings checks,
        Style style) {

    /** Resolves a job file against a date and the command line's overrides (either may be null). */
    public static JobSettings resolve(
            Path jobFilePath, JobFile file, LocalDate date, Path inputOverride, Path outputOverride) {
        String where = jobFilePath.toString();
        RunFolders folders = RunFolders.resolve(file, date, inputOverride, outputOverride, where);
        RepositorySettings repository = RepositorySettings.resolve(file.repository(), folders.data(), System.getenv());
        ThreadBudget compute = ThreadBudget.resolve(file, where);
        return new JobSettings(
                file.name() != null ? file.name() : "nightly",
                jobFilePath,
                folders,
                BriefSettings.resolve(file, where),
                ReadingSettings.resolve(file, where),
                PartitionSettings.resolve(file, compute, where),
                compute,
                FailureSettings.resolve(file, where),
                ModelSettings.resolve(file.models(), where),
                EngineBlocks.batch(file.batch(), where),
                EngineBlocks.onnx(file.onnx(), compute, where),
                repository,
                KafkaSettings.resolve(file.kafka(), repository, System.getenv(), where),
                EngineBlocks.cache(file.cache(), where),
                StoryBlock.resolve(file.stories(), where),
                CheckBlock.resolve(file.checks(), where),
                StyleBlock.resolve(file.style(), where));
    }

    /** The graphs a job file's night loads: its {@code models.variant}, else the default ({@code models list --job}). */
    public static Variant variantOf(Path jobFilePath, JobFile file) {
        return ModelSettings.variant(file.models() != null ? file.models().variant() : null, jobFilePath.toString());
    }

    /** The same settings on other folders: those a date's run record holds. */
    public JobSettings withFolders(Path input, Path output) {
        return new JobSettings(
                jobName,
                jobFile,
                folders.with(input, output),
                brief,
                reading,
                partitioning,
                compute,
                failures,
                models,
                batch,
                onnx,
                repository,
                kafka,
                cache,
                stories,
                checks,
                style);
    }

    /**
     * The settings of a worker process that runs {@code workerThreads} partitions at once ({@code worker --threads}):
     * each session's intra-op threads are the budget's share of that many, unless the job file sets them.
     */
    public JobSettings forWorker(int workerThreads) {
        return new JobSettings(
                jobName,
                jobFile,
                folders,
                brief,
                reading,
                partitioning,
                compute,
                failures,
                models,
                batch,
                onnx.withIntraOpThreads(compute.intraOpThreads(workerThreads)),
                repository,
                kafka,
                cache,
                stories,
                checks,
                style);
    }

    /** The day this run briefs. */
    public LocalDate date() {
        return folders.date();
    }
}
