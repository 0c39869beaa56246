package dev.briefs.job.settings;

import java.util.Optional;

/**
 * The machine's compute threads ({@code compute-threads}, default: the available processors), shared out between
 * the partitions that run side by side and the intra-op threads of each ONNX Runtime session, so that their product
 * does not exceed them. Two partitions each running ONNX Runtime on all cores made twice as many compute threads
 * as cores, and ONNX Runtime's threads spin while they wait, so each partition slowed the other
 * (docs/performance.md, "Settings that matter").
 *
 * <p>What the job file sets explicitly wins; the rest is derived:
 *
 * <ul>
 *   <li>neither {@code partitions} nor {@code onnx.intra-op-threads}: {@value #DEFAULT_INTRA_OP_THREADS} intra-op
 *       thread per session, and as many partitions as that leaves room for (the split measured fastest);
 *   <li>only {@code partitions}: each session gets the threads divided by the partitions (at least one);
 *   <li>only {@code onnx.intra-op-threads}: as many partitions as fit the threads (at least one);
 *   <li>both: taken as written, with a warning when they oversubscribe.
 * </ul>
 *
 * <p>A worker ({@code worker --threads W}) runs W partitions at once whatever {@code partitions} says (that is the
 * manager's number of partitions for the whole day), so its sessions' share is {@link #intraOpThreads(int)} of W.
 *
 * @param threads        compute threads of this machine
 * @param partitionsSet  {@code partitions} as the job file sets it, or null
 * @param intraOpSet     {@code onnx.intra-op-threads} as the job file sets it (0 or absent: null)
 */
public record ThreadBudget(int threads, Integer partitionsSet, Integer intraOpSet) {

    /** Measured fastest on 2 cores (docs/performance.md): partitions side by side, each on one ONNX Runtime thread. */
    public static final int DEFAULT_INTRA_OP_THREADS = 1;

    public ThreadBudget {
        if (threads < 1) {
            throw new IllegalArgumentException("compute threads must be at least 1, is " + threads);
        }
        if (intraOpSet != null && intraOpSet == 0) {
            intraOpSet = null;
        }
    }

    /** The budget of a job file: {@code compute-threads}, {@code partitions} and {@code onnx.intra-op-threads}. */
    static ThreadBudget resolve(JobFile file, String where) {
        int threads = SettingValues.positive(
                file.computeThreads(), Runtime.getRuntime().availableProcessors(), "compute-threads", where);
        Integer partitions =
                file.partitions() == null ? null : SettingValues.positive(file.partitions(), 1, "partitions", where);
        Integer intra = file.onnx() != null ? file.onnx().intraOpThreads() : null;
        return new ThreadBudget(threads, partitions, intra != null && intra > 0 ? intra : null);
    }

    /** The partitions that run side by side on this machine. */
    public int partitions() {
        if (partitionsSet != null) {
            return partitionsSet;
        }
        int perSession = intraOpSet != null ? intraOpSet : DEFAULT_INTRA_OP_THREADS;
        return Math.max(1, threads / perSession);
    }

    /** Each ONNX Runtime session's intra-op threads when {@code concurrent} partitions run at once. */
    public int intraOpThreads(int concurrent) {
        if (intraOpSet != null) {
            return intraOpSet;
        }
        return Math.max(1, threads / Math.max(1, concurrent));
    }

    /** Each session's intra-op threads with this machine's own partitions. */
    public int intraOpThreads() {
        return intraOpThreads(partitions());
    }

    /**
     * A warning line when {@code concurrent} partitions of {@link #intraOpThreads(int)} threads each need more
     * threads than the budget, else empty.
     */
    public Optional<String> oversubscription(int concurrent, String partitionsName) {
        int intra = intraOpThreads(concurrent);
        if ((long) concurrent * intra <= threads) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "%d %s x %d ONNX Runtime intra-op thread%s = %d compute threads, more than the %d of compute-threads:"
                        + " they compete for the cores and the night is slower; lower %s or onnx.intra-op-threads",
                concurrent, partitionsName, intra, intra == 1 ? "" : "s", concurrent * intra, threads, partitionsName));
    }

    /** As {@link #oversubscription(int, String)} for this machine's own partitions. */
    public Optional<String> oversubscription() {
        return oversubscription(partitions(), "partitions");
    }
}
