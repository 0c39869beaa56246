package dev.briefs.model.onnx;

import dev.briefs.model.ModelConfigException;
import dev.briefs.model.ModelLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.GenerationSettingException;
import dev.briefs.generate.Seq2SeqModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * decoder_with_past_model{v}.onnx}, where {@code {v}} is the {@link OnnxVariant} suffix. Input and
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
 * truncate at tokenization time (as {@link dev.briefs.model.Seq2SeqGenerator} does).
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
 * {@code graph}; building the input tensors and reading the outputs is outside it.
 */
public final class OnnxSeq2SeqModel implements Seq2SeqModel, AutoCloseable {

    private static final String PAST_PREFIX = "past_key_values";
    private static final String PRESENT_PREFIX = "present";

    /** Name of the Micrometer timers of ORT runs (see {@link OnnxModelOptions#meterRegistry()}). */
    public static final String RUN_TIMER = "briefs.onnx.run";

    private final Path dir;
    private final OnnxVariant variant;
    private final DecoderLayout layout;
    private final Graph encoder;
    private final Graph decoder;
    private final Graph decoderWithPast; // null for MERGED
    private final int numHeads;
    private final int headDim;
    private final Integer maxPositions;
    private final GenerationConfig generationConfig;
    private final String architecture;
    private final boolean cache;

    /** timer: null when not timing. */
    private record Graph(Path file, Model model, Block block, List<String> inputNames, Timer timer) {

        Graph withTimer(Timer t) {
            return new Graph(file, model, block, inputNames, t);
        }

        /** The graph run, timed when a timer is set. */
        NDList run(NDManager mgr, NDList in) {
            if (timer == null) {
                return block.forward(new ParameterStore(mgr, false), in, false);
            }
            long t0 = System.nanoTime();
            try {
                return block.forward(new ParameterStore(mgr, false), in, false);
            } finally {
                timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            }
        }
    }

    private OnnxSeq2SeqModel(Path dir, OnnxVariant variant, DecoderLayout layout, Graph encoder, Graph decoder,
            Graph decoderWithPast, int numHeads, int headDim, Integer maxPositions, GenerationConfig gc,
            String architecture, boolean cache) {
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
    }

    /** Loads with the default variant (quantized where present) and layout (merged where present). */
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
        Integer maxPos = config.has("max_position_embeddings") ? config.get("max_position_embeddings").intValue() : null;
        String arch = config.has("model_type") ? config.get("model_type").asString() : "unknown";

        Path onnxDir = Files.isDirectory(dir.resolve("onnx")) ? dir.resolve("onnx") : dir;
        OnnxVariant variant = options.variant();
        DecoderLayout layout = options.layout();
        boolean cache = options.cache();
        if (!cache) {
            layout = DecoderLayout.SPLIT; // decoder_model{v}.onnx only
        }
        if (variant == null) {
            boolean q = cache ? complete(onnxDir, OnnxVariant.QUANTIZED, layout)
                    : Files.isRegularFile(onnxDir.resolve("encoder_model" + OnnxVariant.QUANTIZED.suffix() + ".onnx"))
                            && Files.isRegularFile(onnxDir.resolve("decoder_model" + OnnxVariant.QUANTIZED.suffix() + ".onnx"));
            variant = q ? OnnxVariant.QUANTIZED : OnnxVariant.FP32;
        }
        if (variant == OnnxVariant.FP16) {
            throw new ModelLoadException(onnxDir.resolve("encoder_model_fp16.onnx"),
                    "The fp16 variant is not supported by this backend (DJL's ONNX Runtime engine cannot create float16 tensors)");
        }
        if (layout == null) {
            layout = Files.isRegularFile(onnxDir.resolve("decoder_model_merged" + variant.suffix() + ".onnx"))
                    ? DecoderLayout.MERGED : DecoderLayout.SPLIT;
        }
        if (options.layout() != null && cache) {
            // Asked for by name: say so, rather than only that a file is missing.
            List<String> bases = layout == DecoderLayout.MERGED ? List.of("decoder_model_merged")
                    : List.of("decoder_model", "decoder_with_past_model");
            for (String base : bases) {
                Path f = onnxDir.resolve(base + variant.suffix() + ".onnx");
                if (!Files.isRegularFile(f)) {
                    throw new ModelLoadException(f, "Missing ONNX graph of the " + layout.name().toLowerCase(java.util.Locale.ROOT)
                            + " decoder layout that was asked for");
                }
            }
        }
        Map<String, String> ortOptions = options.session().djlOptions();
        List<Graph> loaded = new ArrayList<>();
        try {
            Graph enc = loadGraph(onnxDir.resolve("encoder_model" + variant.suffix() + ".onnx"), ortOptions, loaded);
            Graph dec;
            Graph decPast = null;
            if (layout == DecoderLayout.MERGED) {
                dec = loadGraph(onnxDir.resolve("decoder_model_merged" + variant.suffix() + ".onnx"), ortOptions, loaded);
                requireInputs(dec, "use_cache_branch", "encoder_hidden_states");
                requirePastInputs(dec);
            } else if (!cache) {
                dec = loadGraph(onnxDir.resolve("decoder_model" + variant.suffix() + ".onnx"), ortOptions, loaded);
                requireInputs(dec, "encoder_hidden_states");
                if (dec.inputNames().stream().anyMatch(n -> n.startsWith(PAST_PREFIX))) {
                    throw new ModelLoadException(dec.file(), "ONNX graph takes past_key_values inputs; running without "
                            + "cache needs the split layout's decoder without past (has " + dec.inputNames() + ")");
                }
            } else {
                dec = loadGraph(onnxDir.resolve("decoder_model" + variant.suffix() + ".onnx"), ortOptions, loaded);
                requireInputs(dec, "encoder_hidden_states");
                decPast = loadGraph(onnxDir.resolve("decoder_with_past_model" + variant.suffix() + ".onnx"),
                        ortOptions, loaded);
                requirePastInputs(decPast);
            }
            requireInputs(enc, "input_ids");
            MeterRegistry registry = options.meterRegistry();
            if (registry != null) {
                enc = enc.withTimer(timer(registry, "encoder"));
                dec = dec.withTimer(timer(registry, "decoder"));
                if (decPast != null) {
                    decPast = decPast.withTimer(timer(registry, "decoder_with_past"));
                }
            }
            return new OnnxSeq2SeqModel(dir, variant, layout, enc, dec, decPast, heads, dModel / heads, maxPos, gc, arch,
                    cache);
        } catch (RuntimeException e) {
            for (Graph g : loaded) {
                g.model().close();
            }
            throw e;
        }
    }

    private static Timer timer(MeterRegistry registry, String graph) {
        return Timer.builder(RUN_TIMER)
                .description("Time inside ONNX Runtime's run of one graph")
                .tag("graph", graph)
                .register(registry);
    }

    private static boolean complete(Path onnxDir, OnnxVariant v, DecoderLayout layout) {
        String s = v.suffix();
        if (!Files.isRegularFile(onnxDir.resolve("encoder_model" + s + ".onnx"))) {
            return false;
        }
        boolean merged = Files.isRegularFile(onnxDir.resolve("decoder_model_merged" + s + ".onnx"));
        boolean split = Files.isRegularFile(onnxDir.resolve("decoder_model" + s + ".onnx"))
                && Files.isRegularFile(onnxDir.resolve("decoder_with_past_model" + s + ".onnx"));
        if (layout == DecoderLayout.MERGED) {
            return merged;
        }
        if (layout == DecoderLayout.SPLIT) {
            return split;
        }
        return merged || split;
    }

    private static int intField(JsonNode config, Path file, String... names) {
        for (String n : names) {
            if (config.has(n) && config.get(n).isNumber()) {
                return config.get(n).intValue();
            }
        }
        throw new ModelLoadException(file, "Model config lacks " + String.join(" / ", names));
    }

    private static Graph loadGraph(Path file, Map<String, String> ortOptions, List<Graph> loaded) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "Missing ONNX graph");
        }
        Model model = Model.newInstance(file.getFileName().toString(), "OnnxRuntime");
        try {
            model.load(file, null, ortOptions);
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new ModelLoadException(file, "Corrupt or unreadable ONNX graph (" + rootMessage(e) + ")", e);
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException(file, "Cannot load ONNX graph (" + rootMessage(e) + ")", e);
        }
        Block block = model.getBlock();
        List<String> names = new ArrayList<>(block.describeInput().keys());
        Graph g = new Graph(file, model, block, names, null);
        loaded.add(g);
        return g;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static void requireInputs(Graph g, String... names) {
        for (String n : names) {
            if (!g.inputNames().contains(n)) {
                throw new ModelLoadException(g.file(), "ONNX graph lacks input '" + n + "' (has " + g.inputNames() + ")");
            }
        }
    }

    private static void requirePastInputs(Graph g) {
        if (g.inputNames().stream().noneMatch(n -> n.startsWith(PAST_PREFIX))) {
            throw new ModelLoadException(g.file(), "ONNX graph has no past_key_values inputs (has " + g.inputNames() + ")");
        }
    }

    // ------------------------------------------------------------------ accessors

    /** The model folder. */
    public Path directory() {
        return dir;
    }

    public OnnxVariant variant() {
        return variant;
    }

    public DecoderLayout layout() {
        return layout;
    }

    /** Whether decoding uses the key/value cache (see {@link OnnxModelOptions#cache()}). */
    public boolean usesCache() {
        return cache;
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
                throw new IllegalArgumentException("all rows of input_ids and attention_mask must have the same length");
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
                    default -> throw new IllegalStateException("Unsupported encoder input '" + name + "' in " + encoder.file());
                };
                a.setName(name);
                in.add(a);
                temps.add(a);
            }
            NDList out = encoder.run(mgr, in);
            NDArray hidden = byName(out, "last_hidden_state");
            if (hidden.getDataType() != DataType.FLOAT32) {
                throw new UnsupportedOperationException("encoder output type " + hidden.getDataType() + " is not supported");
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
                encHidden = mgr.create(repeatInterleave(h, (int) per, batch, expand), new Shape(rows, hs.get(1), hs.get(2)));
            }
            temps.forEach(NDArray::close);
            long[] mx = repeatInterleave(mask, len, batch, expand);
            encHidden.setName("encoder_hidden_states");
            NDArray encMask = mgr.create(mx, new Shape(rows, len));
            encMask.setName("encoder_attention_mask");
            return new OnnxDecoderSession(mgr, rows, expand, encHidden, encMask);
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

    /** One decoding run: encoder output, cross-attention cache and self-attention cache. */
    private final class OnnxDecoderSession implements DecoderSession {
        private final NDManager mgr;
        private final int rows;
        private final int expand;
        private NDArray encHidden;
        private NDArray encMask;
        /** graph input name (past_key_values...) -> array */
        private final Map<String, NDArray> past = new LinkedHashMap<>();
        /** without cache: the tokens fed so far, one column per step */
        private final List<int[]> history = new ArrayList<>();
        private int fed = 0;
        private boolean closed;

        OnnxDecoderSession(NDManager mgr, int rows, int expand, NDArray encHidden, NDArray encMask) {
            this.mgr = mgr;
            this.rows = rows;
            this.expand = expand;
            this.encHidden = encHidden;
            this.encMask = encMask;
        }

        @Override
        public float[][] step(int[] tokens) {
            if (tokens.length != rows) {
                throw new IllegalArgumentException("expected " + rows + " tokens, got " + tokens.length);
            }
            boolean first = fed == 0;
            Graph g = !cache || first || decoderWithPast == null ? decoder : decoderWithPast;
            List<NDArray> temps = new ArrayList<>();
            NDList in = new NDList();
            long[] ids;
            int seqLen;
            if (cache) {
                seqLen = 1;
                ids = new long[rows];
                for (int r = 0; r < rows; r++) {
                    ids[r] = tokens[r];
                }
            } else {
                history.add(tokens.clone());
                seqLen = history.size();
                ids = new long[rows * seqLen];
                for (int c = 0; c < seqLen; c++) {
                    int[] col = history.get(c);
                    for (int r = 0; r < rows; r++) {
                        ids[r * seqLen + c] = col[r];
                    }
                }
            }
            for (String name : g.inputNames()) {
                NDArray a;
                boolean temp = true;
                if (name.equals("input_ids") || name.equals("decoder_input_ids")) {
                    a = mgr.create(ids, new Shape(rows, seqLen));
                } else if (name.equals("encoder_hidden_states")) {
                    a = encHidden;
                    temp = false;
                } else if (name.equals("encoder_attention_mask")) {
                    a = encMask;
                    temp = false;
                } else if (name.equals("use_cache_branch")) {
                    a = mgr.create(new boolean[] {!first}, new Shape(1));
                } else if (name.equals("attention_mask") || name.equals("decoder_attention_mask")) {
                    long[] ones = new long[rows * (fed + 1)];
                    java.util.Arrays.fill(ones, 1L);
                    a = mgr.create(ones, new Shape(rows, fed + 1));
                } else if (name.startsWith(PAST_PREFIX)) {
                    if (first) {
                        // merged decoder, no-cache branch: a dummy past of one position (ignored by the graph)
                        a = mgr.create(new float[rows * numHeads * headDim], new Shape(rows, numHeads, 1, headDim));
                    } else {
                        a = past.get(name);
                        temp = false;
                        if (a == null) {
                            throw new IllegalStateException("No cached value for decoder input '" + name + "' of " + g.file());
                        }
                    }
                } else {
                    throw new IllegalStateException("Unsupported decoder input '" + name + "' in " + g.file());
                }
                a.setName(name);
                in.add(a);
                if (temp) {
                    temps.add(a);
                }
            }
            NDList out;
            try {
                out = g.run(mgr, in);
            } finally {
                temps.forEach(NDArray::close);
            }
            float[][] logits = null;
            for (NDArray a : out) {
                String name = a.getName();
                if ("logits".equals(name)) {
                    logits = lastPositionLogits(a);
                    a.close();
                } else if (cache && name != null && name.startsWith(PRESENT_PREFIX)) {
                    String inputName = PAST_PREFIX + name.substring(PRESENT_PREFIX.length());
                    boolean cross = inputName.contains("encoder");
                    if (cross && !first) {
                        a.close(); // cross-attention cache is computed once, at the first step
                        continue;
                    }
                    NDArray old = past.put(inputName, a);
                    if (old != null && old != a) {
                        old.close();
                    }
                } else {
                    a.close();
                }
            }
            if (logits == null) {
                throw new IllegalStateException("Decoder graph " + g.file() + " has no 'logits' output");
            }
            fed++;
            return logits;
        }

        private float[][] lastPositionLogits(NDArray a) {
            if (a.getDataType() != DataType.FLOAT32) {
                throw new UnsupportedOperationException("logits of type " + a.getDataType() + " are not supported");
            }
            Shape s = a.getShape(); // (rows, seq, vocab)
            int seq = (int) s.get(1);
            int vocab = (int) s.get(2);
            // read in place (see OrtBuffers): only the last position of each row is copied, not the
            // whole [rows, seq, vocab] tensor (which, without cache, grows with every step)
            FloatBuffer flat = OrtBuffers.floats(a);
            float[][] out = new float[rows][vocab];
            for (int r = 0; r < rows; r++) {
                flat.get((r * seq + seq - 1) * vocab, out[r]);
            }
            return out;
        }

        @Override
        public void reorder(int[] sourceRows) {
            if (sourceRows.length != rows) {
                throw new IllegalArgumentException("expected " + rows + " indices");
            }
            boolean identity = true;
            boolean crossesInputs = false;
            for (int r = 0; r < rows; r++) {
                identity &= sourceRows[r] == r;
                crossesInputs |= sourceRows[r] / expand != r / expand;
            }
            if (identity) {
                return;
            }
            for (int c = 0; c < history.size(); c++) {
                int[] col = history.get(c);
                int[] n = new int[rows];
                for (int r = 0; r < rows; r++) {
                    n[r] = col[sourceRows[r]];
                }
                history.set(c, n);
            }
            for (Map.Entry<String, NDArray> e : past.entrySet()) {
                if (crossesInputs || !e.getKey().contains("encoder")) {
                    NDArray old = e.getValue();
                    FloatBuffer inPlace = old.getDataType() == DataType.FLOAT32 ? OrtBuffers.view(old) : null;
                    if (inPlace != null) {
                        // The cache is ORT's output of the last step, ours until the next: rows are
                        // moved where they lie, only those that change, with no new tensor.
                        Shape s = old.getShape();
                        RowGather.inPlace(inPlace, sourceRows, (int) (s.size() / s.get(0)));
                        continue;
                    }
                    NDArray n = gatherRows(old, sourceRows);
                    n.setName(e.getKey());
                    e.setValue(n);
                    old.close();
                }
            }
            if (crossesInputs) {
                NDArray h = gatherRows(encHidden, sourceRows);
                h.setName("encoder_hidden_states");
                encHidden.close();
                encHidden = h;
                NDArray m = gatherRows(encMask, sourceRows);
                m.setName("encoder_attention_mask");
                encMask.close();
                encMask = m;
            }
        }

        private NDArray gatherRows(NDArray a, int[] src) {
            Shape s = a.getShape();
            int per = (int) (s.size() / s.get(0));
            if (a.getDataType() == DataType.FLOAT32) {
                float[] d = a.toFloatArray();
                float[] o = new float[d.length];
                for (int r = 0; r < src.length; r++) {
                    System.arraycopy(d, src[r] * per, o, r * per, per);
                }
                return mgr.create(o, s);
            }
            if (a.getDataType() == DataType.INT64) {
                long[] d = a.toLongArray();
                long[] o = new long[d.length];
                for (int r = 0; r < src.length; r++) {
                    System.arraycopy(d, src[r] * per, o, r * per, per);
                }
                return mgr.create(o, s);
            }
            throw new UnsupportedOperationException("cannot reorder " + a.getDataType());
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                mgr.close();
            }
        }
    }
}
