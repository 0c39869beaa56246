package dev.briefs.job.settings;

import dev.briefs.batch.BatchSettings;
import dev.briefs.cache.CacheSettings;
import dev.briefs.inference.onnx.OrtSessionSettings;
import java.time.Duration;

/**
 * The job file's blocks whose records belong to the packages that use them: {@code batch} (how model inputs are
 * gathered into calls), {@code onnx} (ONNX Runtime's sessions) and {@code cache} (the model output cache).
 */
final class EngineBlocks {

    private EngineBlocks() {}

    static BatchSettings batch(JobFile.Batch b, String where) {
        if (b == null) {
            return BatchSettings.DEFAULTS;
        }
        BatchSettings d = BatchSettings.DEFAULTS;
        return new BatchSettings(
                SettingValues.positive(b.maxRows(), d.maxRows(), "batch.max-rows", where),
                SettingValues.positive(b.maxTokens(), d.maxTokens(), "batch.max-tokens", where),
                SettingValues.positive(b.lengthBucket(), d.lengthBucket(), "batch.length-bucket", where),
                SettingValues.positive(b.maxCallMib(), d.maxCallMib(), "batch.max-call-mib", where));
    }

    /** The {@code onnx} block, its intra-op threads the budget's share of each session (the job file's, if set). */
    static OrtSessionSettings onnx(JobFile.Onnx o, ThreadBudget budget, String where) {
        if (o == null) {
            return OrtSessionSettings.DEFAULTS.withIntraOpThreads(budget.intraOpThreads());
        }
        int intra = o.intraOpThreads() != null ? o.intraOpThreads() : 0;
        int inter = o.interOpThreads() != null ? o.interOpThreads() : 0;
        if (intra < 0 || inter < 0) {
            throw new JobFileException(
                    where + ": onnx.intra-op-threads and onnx.inter-op-threads must be 0 (inter-op: ONNX"
                            + " Runtime's default; intra-op: the share of compute-threads) or more");
        }
        try {
            return new OrtSessionSettings(
                    budget.intraOpThreads(),
                    inter,
                    o.optimization(),
                    o.memoryArena() == null || o.memoryArena(),
                    o.prepacking() != null ? o.prepacking() : OrtSessionSettings.DEFAULT_PREPACKING);
        } catch (IllegalArgumentException e) {
            throw new JobFileException(where + ": onnx.optimization: " + e.getMessage());
        }
    }

    static CacheSettings cache(JobFile.Cache c, String where) {
        if (c == null) {
            return CacheSettings.DEFAULTS;
        }
        int days =
                SettingValues.positive(c.maxAgeDays(), CacheSettings.DEFAULT_MAX_AGE_DAYS, "cache.max-age-days", where);
        return new CacheSettings(c.enabled() == null || c.enabled(), Duration.ofDays(days));
    }
}
