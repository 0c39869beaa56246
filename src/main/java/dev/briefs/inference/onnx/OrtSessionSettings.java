package dev.briefs.inference.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ONNX Runtime session settings, as the job file's {@code onnx:} section and {@code bench} set
 * them. Zero threads and a null optimisation level leave ONNX Runtime's own default in place.
 *
 * <p><b>int8 graphs</b> run with {@link #forInt8Graphs()} whatever is asked: one intra-op thread, one
 * inter-op thread, sequential execution. A dynamically quantized graph gave other outputs run after run
 * and with the thread count on an AVX-512 VNNI / AMX Xeon (issue 18; not reproduced on an AVX2 EPYC),
 * where ONNX Runtime splits its integer kernels over the intra-op pool; with one thread there is no pool,
 * and every kernel runs its whole range on the calling thread in one order. See docs/generation.md, "Determinism".
 *
 * @param intraOpThreads threads one operator may use, or 0 for ORT's default (one per core)
 * @param interOpThreads threads that run independent operators at once, or 0 for ORT's default;
 *     the encoder-decoder graphs are a chain of operators, so more than 1 rarely helps
 * @param optimization graph optimisation level: {@code none}, {@code basic}, {@code extended},
 *     {@code all}, or null for ORT's default ({@code all})
 * @param memoryArena whether ORT keeps freed CPU memory in its arena for reuse (ORT's default);
 *     off trades some speed for a resident size that follows the current batch
 * @param prepacking whether ORT keeps a pre-packed copy of each matrix product's weights beside the graph's own
 *     (ORT's default); off, each product packs its weights as it runs (config entry {@value #DISABLE_PREPACKING})
 */
public record OrtSessionSettings(
        int intraOpThreads, int interOpThreads, String optimization, boolean memoryArena, boolean prepacking) {

    /** ONNX Runtime's session config entry that turns pre-packing off ({@code "1"}). */
    public static final String DISABLE_PREPACKING = "session.disable_prepacking";

    /** Whether weights are pre-packed unless the job file says otherwise (docs/performance.md, "Memory"). */
    public static final boolean DEFAULT_PREPACKING = true;

    /** ORT's defaults throughout. */
    public static final OrtSessionSettings DEFAULTS = new OrtSessionSettings(0, 0, null, true);

    /** These settings with pre-packing as {@link #DEFAULT_PREPACKING}. */
    public OrtSessionSettings(int intraOpThreads, int interOpThreads, String optimization, boolean memoryArena) {
        this(intraOpThreads, interOpThreads, optimization, memoryArena, DEFAULT_PREPACKING);
    }

    private static final Map<String, String> LEVELS =
            Map.of("none", "NO_OPT", "basic", "BASIC_OPT", "extended", "EXTENDED_OPT", "all", "ALL_OPT");

    public OrtSessionSettings {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be 0 (ONNX Runtime's default) or more");
        }
        if (optimization != null) {
            optimization = optimization.trim().toLowerCase(Locale.ROOT);
            if (!LEVELS.containsKey(optimization)) {
                throw new IllegalArgumentException("unknown graph optimisation level '" + optimization
                        + "' (expected none, basic, extended or all)");
            }
        }
    }

    /** Intra-op threads of an int8 graph, whatever the job file or {@code bench --threads} asks. */
    public static final int INT8_INTRA_OP_THREADS = 1;

    /**
     * The settings an int8 (dynamically quantized) graph runs with: these, with {@value #INT8_INTRA_OP_THREADS}
     * intra-op thread and one inter-op thread (and sequential execution, as always). The optimisation
     * level and the arena are kept.
     */
    public OrtSessionSettings forInt8Graphs() {
        return new OrtSessionSettings(INT8_INTRA_OP_THREADS, 1, optimization, memoryArena, prepacking);
    }

    public OrtSessionSettings withIntraOpThreads(int n) {
        return new OrtSessionSettings(n, interOpThreads, optimization, memoryArena, prepacking);
    }

    public OrtSessionSettings withPrepacking(boolean on) {
        return new OrtSessionSettings(intraOpThreads, interOpThreads, optimization, memoryArena, on);
    }

    /**
     * ONNX Runtime's own session options for these settings, which DJL's engine takes whole (its {@code
     * sessionOptions} option; docs/performance.md, "Memory"). DJL's string options cannot say everything: it
     * reads {@code cpuArenaAllocator} only to turn the arena on, so {@code false} left it on, and it has no name
     * for ONNX Runtime's config entries such as {@value #DISABLE_PREPACKING}. The caller closes them once the
     * session is made: ONNX Runtime copies what it needs.
     */
    public OrtSession.SessionOptions sessionOptions() {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            Map<String, String> named = djlOptions();
            if (named.containsKey("intraOpNumThreads")) {
                o.setIntraOpNumThreads(Integer.parseInt(named.get("intraOpNumThreads")));
            }
            if (named.containsKey("interOpNumThreads")) {
                o.setInterOpNumThreads(Integer.parseInt(named.get("interOpNumThreads")));
            }
            if (optimization != null) {
                o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.valueOf(LEVELS.get(optimization)));
            }
            o.setCPUArenaAllocator(memoryArena);
            if (!prepacking) {
                o.addConfigEntry(DISABLE_PREPACKING, "1");
            }
            return o;
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw new IllegalStateException(
                    "ONNX Runtime refused the session settings " + this + ": " + e.getMessage(), e);
        }
    }

    /** The options DJL's ONNX Runtime engine reads when it creates a session. */
    public Map<String, String> djlOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        // ORT's default too; said here so that no graph ever runs its operators side by side.
        out.put("executionMode", "SEQUENTIAL");
        if (intraOpThreads > 0) {
            out.put("intraOpNumThreads", Integer.toString(intraOpThreads));
            // One operator at a time unless asked otherwise: with a fixed intra-op pool, ORT's
            // inter-op pool would only add threads competing for the same cores.
            out.put("interOpNumThreads", Integer.toString(interOpThreads > 0 ? interOpThreads : 1));
        } else if (interOpThreads > 0) {
            out.put("interOpNumThreads", Integer.toString(interOpThreads));
        }
        if (optimization != null) {
            out.put("optLevel", LEVELS.get(optimization));
        }
        if (!memoryArena) {
            out.put("cpuArenaAllocator", "false");
        }
        return out;
    }

    /**
     * The settings asked for, as a short line for reports, such as {@code intra-op 2, inter-op default,
     * optimisation all, arena on, pre-packing on; int8 graphs: intra-op 1, inter-op 1}: int8 graphs run with {@link
     * #forInt8Graphs()} whatever these say, and the line says so unless these are already that.
     */
    public String describe() {
        return equals(forInt8Graphs())
                ? describeAsRun()
                : describeAsRun() + "; int8 graphs: intra-op " + INT8_INTRA_OP_THREADS + ", inter-op 1";
    }

    /**
     * The settings as one session runs with them, such as {@code intra-op 1, inter-op 1, optimisation default (all),
     * arena on}, and {@code , pre-packing off} where it is off.
     */
    public String describeAsRun() {
        return "intra-op " + (intraOpThreads > 0 ? intraOpThreads : "default")
                + ", inter-op " + (interOpThreads > 0 ? interOpThreads : intraOpThreads > 0 ? "1" : "default")
                + ", optimisation " + (optimization != null ? optimization : "default (all)")
                + ", arena " + (memoryArena ? "on" : "off")
                + (prepacking ? "" : ", pre-packing off");
    }
}
