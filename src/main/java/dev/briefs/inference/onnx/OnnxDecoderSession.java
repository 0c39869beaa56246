package dev.briefs.inference.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.briefs.generate.Seq2SeqModel.DecoderSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decoding run: encoder output, cross-attention cache and self-attention cache. Each step feeds
 * the decoder graph the inputs it names (the graph decides), and keeps ORT's cache outputs as the
 * next step's inputs without copying them; beam search reorders them in place.
 */
final class OnnxDecoderSession implements DecoderSession {

    /**
     * The decoder graphs of a model and what their cache tensors look like.
     *
     * @param withPast null for the merged layout, whose one graph runs both branches
     * @param cache    whether decoding uses the key/value cache
     */
    record Graphs(OnnxGraph decoder, OnnxGraph withPast, boolean cache, int numHeads, int headDim) {}

    private final OnnxGraph decoder;
    private final OnnxGraph decoderWithPast;
    private final boolean cache;
    private final int numHeads;
    private final int headDim;
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

    OnnxDecoderSession(Graphs graphs, NDManager mgr, int rows, int expand, NDArray encHidden, NDArray encMask) {
        this.decoder = graphs.decoder();
        this.decoderWithPast = graphs.withPast();
        this.cache = graphs.cache();
        this.numHeads = graphs.numHeads();
        this.headDim = graphs.headDim();
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
        OnnxGraph g = !cache || first || decoderWithPast == null ? decoder : decoderWithPast;
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
                Arrays.fill(ones, 1L);
                a = mgr.create(ones, new Shape(rows, fed + 1));
            } else if (name.startsWith(OnnxGraph.PAST_PREFIX)) {
                if (first) {
                    // merged decoder, no-cache branch: a dummy past of one position (ignored by the graph)
                    a = mgr.create(new float[rows * numHeads * headDim], new Shape(rows, numHeads, 1, headDim));
                } else {
                    a = past.get(name);
                    temp = false;
                    if (a == null) {
                        throw new IllegalStateException(
                                "No cached value for decoder input '" + name + "' of " + g.file());
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
            } else if (cache && name != null && name.startsWith(OnnxGraph.PRESENT_PREFIX)) {
                String inputName = OnnxGraph.PAST_PREFIX + name.substring(OnnxGraph.PRESENT_PREFIX.length());
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
