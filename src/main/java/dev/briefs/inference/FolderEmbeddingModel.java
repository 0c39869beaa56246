package dev.briefs.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.briefs.inference.onnx.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A sentence-embedding model installed in a folder in Optimum's layout (the hub's Xenova exports):
 * {@code tokenizer.json} and {@code onnx/model.onnx} (or another graph of the folder), whose first output is
 * the last hidden state. The sentence vector is pooled as the folder's sentence-transformers files say
 * ({@code 1_Pooling/config.json}, {@code sentence_bert_config.json}; see {@link EmbeddingFolderSettings}), then
 * scaled to unit length. One ONNX Runtime session is shared by all threads.
 */
public final class FolderEmbeddingModel implements AutoCloseable {

    public static final String DEFAULT_GRAPH = "onnx/model.onnx";

    private final String name;
    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final List<String> inputNames;
    private final EmbeddingFolderSettings settings;

    private FolderEmbeddingModel(
            String name,
            Model model,
            HuggingFaceTokenizer tokenizer,
            List<String> inputNames,
            EmbeddingFolderSettings settings) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.inputNames = inputNames;
        this.settings = settings;
    }

    /**
     * Loads {@code dir/graph} and {@code dir/tokenizer.json}; fails here, before any work, with the file named.
     *
     * @param defaultMaxTokens tokens a text is cut to (special tokens included) when the folder has no
     *                         {@code sentence_bert_config.json}, as sentence-transformers' {@code max_seq_length}
     */
    public static FolderEmbeddingModel load(String name, Path dir, String graph, int defaultMaxTokens) {
        EmbeddingFolderSettings settings = EmbeddingFolderSettings.read(dir, defaultMaxTokens);
        Path onnx = dir.resolve(graph);
        Path tokenizerFile = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(onnx)) {
            throw new ModelLoadException(onnx, name + ": missing ONNX graph");
        }
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new ModelLoadException(tokenizerFile, name + ": missing tokenizer");
        }
        Model model = Model.newInstance(name, "OnnxRuntime");
        try {
            model.load(onnx, null, Map.of());
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new ModelLoadException(onnx, name + ": corrupt or unreadable ONNX graph (" + e.getMessage() + ")", e);
        }
        List<String> inputs = new ArrayList<>(model.getBlock().describeInput().keys());
        if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
            model.close();
            throw new ModelLoadException(
                    onnx,
                    name + ": not a sentence-embedding graph, it needs input_ids and " + "attention_mask (has " + inputs
                            + ")");
        }
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                    tokenizerFile,
                    Map.of(
                            "truncation",
                            "true",
                            "maxLength",
                            String.valueOf(settings.maxTokens()),
                            "padding",
                            "false"));
            return new FolderEmbeddingModel(name, model, tokenizer, inputs, settings);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw new ModelLoadException(tokenizerFile, name + ": unreadable tokenizer (" + e.getMessage() + ")", e);
        }
    }

    public String name() {
        return name;
    }

    public EmbeddingFolderSettings settings() {
        return settings;
    }

    /** Token ids the model reads for a text: special tokens added, cut to the settings' max tokens. */
    public long[] tokenIds(String text) {
        return tokenizer.encode(text).getIds();
    }

    /**
     * One unit-length vector per text, in order. Each text runs alone, so that its vector never depends
     * on the other texts of the call (padding in a batch moves the last bits, and quantized graphs more).
     */
    public float[][] embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = embedOne(predictor, texts.get(i));
            }
        }
        return vectors;
    }

    private float[] embedOne(Predictor<NDList, NDList> predictor, String text) {
        long[] ids = tokenIds(text);
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(1, ids.length);
            NDList feed = new NDList();
            for (String input : inputNames) {
                NDArray array = switch (input) {
                    case "input_ids" -> manager.create(ids, shape);
                    case "attention_mask" -> manager.create(mask, shape);
                    case "token_type_ids" -> manager.create(new long[ids.length], shape);
                    default ->
                        throw new ModelLoadException(
                                name + ": its graph wants an input this loader does not " + "know: " + input);
                };
                array.setName(input);
                feed.add(array);
            }
            NDArray hidden = predictor.predict(feed).get(0);
            int dims = (int) hidden.getShape().get(2);
            return settings.pooling().poolAndNormalise(hidden.toFloatArray(), mask, dims);
        } catch (TranslateException e) {
            throw new IllegalStateException(
                    name + " failed on a text of " + ids.length + " tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
