package dev.briefs.inference.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.GenerationSettingException;
import dev.briefs.generate.Seq2SeqModel;
import dev.briefs.optimum.Variant;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An encoder-decoder model over ONNX graphs in the Hugging Face Optimum layout, run by DJL's ONNX
 * Runtime engine.
 *
 * <p>The model folder holds {@code config.json}, optionally {@code generation_config.json}, and in
 * {@code onnx/} (or the folder itself) {@code encoder_model{v}.onnx} plus either {@code
 * decoder_model_merged{v}.onnx} or {@code decoder_model{v}.onnx} + {@code
 * decoder_with_past_model{v}.onnx}, where {@code {v}} is the {@link Variant} suffix. Input and
 * output names are read from the graphs: {@code input_ids}, {@code attention_mask}, {@code
 * encoder_hidden_states}, {@code encoder_attention_mask}, {@code use_cache_branch}, {@code
 * past_key_values.*} (fed from the matching {@code present.*} outputs), {@code logits}.
 *
 * <p>Each graph gets one ONNX Runtime session, created at load time and shared by all threads;
 * every {@link #startDecoding} call returns an independent {@link DecoderSession}. Missing or
 * corrupt files fail in {@link #load} with a {@link ModelLoadException} naming the file.
 *
 * <p><b>Input length:</b> inputs longer than {@code max_position_embeddings} (from {@code
 * config.json}) are truncated to that many tokens (the first ones are kept) so that the encoder's
 * position embeddings are never indexed out of range. Callers that want the EOS kept should
 * truncate at tokenization time (as {@code inference.Seq2SeqGenerator} does).
 *
 * <p>The encoder runs once per batch; its output is repeated per beam. The decoder's first step
 * computes the cross-attention keys/values, which are reused for the whole run; every later step
 * feeds one token per row and the self-attention cache. Beam reordering copies cache buffers and
 * is skipped for the identity order.
 *
 * <p><b>Without cache</b> ({@link OnnxModelOptions#cache()} false) only {@code
 * decoder_model{v}.onnx} is loaded and every step feeds the whole decoder prefix, keeping the
 * logits of the last position (transformers' {@code use_cache=False}); beam reordering then
 * reorders the token history.
 *
 * <p><b>Timing:</b> with a {@link OnnxModelOptions#meterRegistry()}, the duration of each graph
 * run (DJL's {@code forward}, i.e. ORT's {@code OrtSession.run} plus DJL's wrapping of the input
 * and output tensors, which copies nothing) is recorded in a timer {@value #RUN_TIMER} tagged
 * {@code model} (the folder's name) and {@code graph}; building the input tensors and reading the outputs is outside it.
 */
public final class OnnxSeq2SeqModel implements Seq2SeqModel, AutoCloseable {

    /** Name of the Micrometer timers of ORT runs (see {@link OnnxModelOptions#meterRegistry()}). */
    public static final String RUN_TIMER = OnnxGraph.RUN_TIMER;

    private final Path dir;
    private final Variant variant;
    private final DecoderLayout layout;
    private final OnnxGraph encoder;
    private final OnnxGraph decoder;
    private final OnnxGraph decoderWithPast; // null for MERGED
    private final int numHeads;
    private final int headDim;
    private final Integer maxPositions;
    private final GenerationConfig generationConfig;
    private final String architecture;
    private final boolean cache;
    private final OrtSessionSettings session;
    private final CallMemory callMemory;

    private OnnxSeq2SeqModel(
            Path dir,
            Variant variant,
            DecoderLayout layout,
            OnnxGraph encoder,
            OnnxGraph decoder,
            OnnxGraph decoderWithPast,
            int numHeads,
            int headDim,
            Integer maxPositions,
            GenerationConfig gc,
            String architecture,
            boolean cache,
            OrtSessionSettings session,
            CallMemory callMemory) {
        this.dir = dir;
        this.variant = variant;
        this.layout = layout;
        this.encoder = encoder;
        this.decoder = decoder;
        this.decoderWithPast = decoderWithPast;
        this.numHeads = numHeads;
        this.headDim = headDim;
        this.maxPositions = maxPositions;
        this.generationConfig = gc;
        this.architecture = architecture;
        this.cache = cache;
        this.session = session;
        this.callMemory = callMemory;
    }

    /** Loads the default variant ({@link Variant#DEFAULT}) in the default layout (merged where present). */
    public static OnnxSeq2SeqModel load(Path dir) {
        return load(dir, OnnxModelOptions.defaults());
    }

    /**
     * Loads the model folder.
     *
     * @throws ModelLoadException naming the file that is missing, unreadable or corrupt
     */
    public static OnnxSeq2SeqModel load(Path dir, OnnxModelOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(dir, "Model folder not found");
        }
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new ModelLoadException(configFile, "Missing model config");
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(configFile.toFile());
        } catch (JacksonException e) {
            throw new ModelLoadException(configFile, "Corrupt model config (invalid JSON)", e);
        }
        GenerationConfig gc;
        try {
            gc = GenerationConfig.load(dir);
        } catch (UncheckedIOException e) {
            throw new ModelLoadException(dir.resolve("generation_config.json"), "Cannot read generation config", e);
        } catch (GenerationSettingException e) {
            throw new ModelConfigException(e.file(), e.getMessage(), e);
        }
        int dModel = intField(config, configFile, "d_model", "hidden_size");
        int heads = intField(config, configFile, "decoder_attention_heads", "num_attention_heads");
        Integer maxPos = config.has("max_position_embeddings")
                ? config.get("max_position_embeddings").intValue()
                : null;
        String arch = config.has("model_type") ? config.get("model_type").asString() : "unknown";
        CallMemory callMemory = CallMemory.of(config, dModel, heads, gc);

        GraphFiles files = GraphFiles.choose(dir, options);
        Variant variant = files.variant();
        DecoderLayout layout = files.layout();
        boolean cache = files.cache();
        // int8 graphs run on one intra-op thread whatever was asked (OrtSessionSettings, docs/generation.md,
        // "Determinism").
        OrtSessionSettings session =
                variant == Variant.QUANTIZED ? options.session().forInt8Graphs() : options.session();
        OrtSessionSettings ortOptions = session;
        List<OnnxGraph> loaded = new ArrayList<>();
        try {
            OnnxGraph enc = OnnxGraph.load(files.graph("encoder_model"), ortOptions, loaded);
            OnnxGraph dec;
            OnnxGraph decPast = null;
            if (layout == DecoderLayout.MERGED) {
                dec = OnnxGraph.load(files.graph("decoder_model_merged"), ortOptions, loaded);
                dec.requireInputs("use_cache_branch", "encoder_hidden_states");
                dec.requirePastInputs();
            } else if (!cache) {
                dec = OnnxGraph.load(files.graph("decoder_model"), ortOptions, loaded);
                dec.requireInputs("encoder_hidden_states");
                if (dec.inputNames().stream().anyMatch(n -> n.startsWith(OnnxGraph.PAST_PREFIX))) {
                    throw new ModelLoadException(
                            dec.file(),
                            "ONNX graph takes past_key_values inputs; running without "
                                    + "cache needs the split layout's decoder without past (has " + dec.inputNames()
                                    + ")");
                }
            } else {
                dec = OnnxGraph.load(files.graph("decoder_model"), ortOptions, loaded);
                dec.requireInputs("encoder_hidden_states");
                decPast = OnnxGraph.load(files.graph("decoder_with_past_model"), ortOptions, loaded);
                decPast.requirePastInputs();
            }
            enc.requireInputs("input_ids");
            MeterRegistry registry = options.meterRegistry();
            if (registry != null) {
                // The folder's name is the model's name in the job file and the models folder.
                String model = dir.toAbsolutePath().normalize().getFileName().toString();
                enc = enc.timedBy(registry, model, "encoder");
                dec = dec.timedBy(registry, model, "decoder");
                if (decPast != null) {
                    decPast = decPast.timedBy(registry, model, "decoder_with_past");
                }
            }
            return new OnnxSeq2SeqModel(
                    dir,
                    variant,
                    layout,
                    enc,
                    dec,
                    decPast,
                    heads,
                    dModel / heads,
                    maxPos,
                    gc,
                    arch,
                    cache,
                    session,
                    callMemory);
        } catch (RuntimeException e) {
            for (OnnxGraph g : loaded) {
                g.model().close();
            }
            throw e;
        }
    }

    private static int intField(JsonNode config, Path file, String... names) {
        for (String n : names) {
            if (config.has(n) && config.get(n).isNumber()) {
                return config.get(n).intValue();
            }
        }
        throw new ModelLoadException(file, "Model config lacks " + String.join(" / ", names));
    }

    // ------------------------------------------------------------------ accessors

    /** The model folder. */
    public Path directory() {
        return dir;
    }

    public Variant variant() {
        return variant;
    }

    public DecoderLayout layout() {
        return layout;
    }

    /**
     * The ONNX Runtime settings the graphs' sessions were created with: those asked for, except that
     * int8 graphs get {@link OrtSessionSettings#forInt8Graphs()}.
     */
    public OrtSessionSettings sessionSettings() {
        return session;
    }

    /**
     * The search's share of the cores: the sessions' intra-op threads, or every core where they are ONNX Runtime's
     * default (one per core).
     */
    @Override
    public int searchThreads() {
        return session.intraOpThreads() > 0
                ? session.intraOpThreads()
                : Runtime.getRuntime().availableProcessors();
    }

    /** Whether decoding uses the key/value cache (see {@link OnnxModelOptions#cache()}). */
    public boolean usesCache() {
        return cache;
    }

    /** What one call holds in memory, by the model's dimensions and generation settings. */
    public CallMemory callMemory() {
        return callMemory;
    }

    /** {@code model_type} from config.json ("marian", "bart", ...). */
    public String architecture() {
        return architecture;
    }

    /** A copy of the model's generation settings (generation_config.json / config.json). */
    public GenerationConfig generationConfig() {
        return generationConfig.copy();
    }

    /** {@code max_position_embeddings}, or null. */
    public Integer maxPositions() {
        return maxPositions;
    }

    @Override
    public void close() {
        encoder.model().close();
        decoder.model().close();
        if (decoderWithPast != null) {
            decoderWithPast.model().close();
        }
    }

    // ------------------------------------------------------------------ running

    /**
     * {@inheritDoc}
     *
     * <p>Rows longer than {@code max_position_embeddings} are truncated to it (first tokens kept).
     */
    @Override
    public DecoderSession startDecoding(long[][] inputIds, long[][] attentionMask, int expand) {
        int batch = inputIds.length;
        if (batch == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        int len = inputIds[0].length;
        for (int b = 0; b < batch; b++) {
            if (inputIds[b].length != len || attentionMask[b].length != len) {
                throw new IllegalArgumentException(
                        "all rows of input_ids and attention_mask must have the same length");
            }
        }
        if (len == 0) {
            throw new IllegalArgumentException("input_ids rows are empty");
        }
        if (maxPositions != null && len > maxPositions) {
            len = maxPositions;
        }
        NDManager mgr = encoder.model().getNDManager().newSubManager();
        try {
            long[] ids = new long[batch * len];
            long[] mask = new long[batch * len];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(inputIds[b], 0, ids, b * len, len);
                System.arraycopy(attentionMask[b], 0, mask, b * len, len);
            }
            NDList in = new NDList();
            List<NDArray> temps = new ArrayList<>();
            for (String name : encoder.inputNames()) {
                NDArray a = switch (name) {
                    case "input_ids" -> mgr.create(ids, new Shape(batch, len));
                    case "attention_mask" -> mgr.create(mask, new Shape(batch, len));
                    default ->
                        throw new IllegalStateException(
                                "Unsupported encoder input '" + name + "' in " + encoder.file());
                };
                a.setName(name);
                in.add(a);
                temps.add(a);
            }
            NDList out = encoder.run(mgr, in);
            NDArray hidden = byName(out, "last_hidden_state");
            if (hidden.getDataType() != DataType.FLOAT32) {
                throw new UnsupportedOperationException(
                        "encoder output type " + hidden.getDataType() + " is not supported");
            }
            Shape hs = hidden.getShape();
            int rows = batch * expand;
            NDArray encHidden;
            if (expand == 1) {
                encHidden = hidden; // fed back to the decoder as is: no copy
                for (NDArray a : out) {
                    if (a != hidden) {
                        a.close();
                    }
                }
            } else {
                long per = hs.size() / hs.get(0);
                float[] h = new float[(int) hs.size()];
                OrtBuffers.floats(hidden).get(h);
                out.close();
                encHidden = mgr.create(
                        repeatInterleave(h, (int) per, batch, expand), new Shape(rows, hs.get(1), hs.get(2)));
            }
            temps.forEach(NDArray::close);
            long[] mx = repeatInterleave(mask, len, batch, expand);
            encHidden.setName("encoder_hidden_states");
            NDArray encMask = mgr.create(mx, new Shape(rows, len));
            encMask.setName("encoder_attention_mask");
            return new OnnxDecoderSession(
                    new OnnxDecoderSession.Graphs(decoder, decoderWithPast, cache, numHeads, headDim),
                    mgr,
                    rows,
                    expand,
                    encHidden,
                    encMask);
        } catch (RuntimeException e) {
            mgr.close();
            throw e;
        }
    }

    private static NDArray byName(NDList list, String name) {
        for (NDArray a : list) {
            if (name.equals(a.getName())) {
                return a;
            }
        }
        return list.get(0);
    }

    private static float[] repeatInterleave(float[] data, int per, int batch, int expand) {
        if (expand == 1) {
            return data;
        }
        float[] out = new float[data.length * expand];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < expand; k++) {
                System.arraycopy(data, b * per, out, (b * expand + k) * per, per);
            }
        }
        return out;
    }

    private static long[] repeatInterleave(long[] data, int per, int batch, int expand) {
        if (expand == 1) {
            return data;
        }
        long[] out = new long[data.length * expand];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < expand; k++) {
                System.arraycopy(data, b * per, out, (b * expand + k) * per, per);
            }
        }
        return out;
    }
}
