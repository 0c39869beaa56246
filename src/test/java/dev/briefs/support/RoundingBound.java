package dev.briefs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How far two correct float32 executions of one model may drift apart: ONNX Runtime on another
 * CPU (AVX2, AVX-512, VNNI, AMX kernels sum in other orders), ONNX Runtime with other fusions, or
 * PyTorch. The reference tests compare the engine with outputs recorded on one machine, so every
 * float tolerance there comes from this bound, never from what one machine happened to show.
 *
 * <p>The bound is the standard one for float32 sums (Higham, <i>Accuracy and Stability of Numerical
 * Algorithms</i>, 3.1): a dot product of length {@code n}, summed in any order, is within
 * {@code γ(n) = n·u / (1 − n·u)} of the exact value, relative to its terms' magnitudes, with
 * {@code u = 2^-24}. Taken to first order through the graph, the relative errors of the operations on
 * the deepest path add, so the output is within {@code γ(N)} relative to its scale, where {@code N}
 * is the sum of the reduction lengths on that path ({@link #reductionLength()}): per attention block
 * the projection (d), the query-key product (d / heads), the softmax's sum and the weighted sum (the
 * sequence length, at most the model's positions, each), the output projection (d) and the layer
 * norm's mean and variance (2·d); per feed-forward block its two products (d and the inner size)
 * and its layer norm (2·d). Two executions, each within that bound of the exact result, are within
 * twice of each other; the callers below include that factor. The bound holds whatever order a
 * kernel sums in, so it covers every CPU; the integer products of int8 graphs are exact everywhere
 * (int32 accumulation), and their float parts are covered the same way.
 *
 * <p>{@code KernelSpreadTest} shows the bound covers what really moves: the same graphs run with ONNX
 * Runtime's fusions off (other kernels, other orders, other formulas) stay inside it.
 */
public final class RoundingBound {

    /** float32's unit roundoff, 2^-24. */
    public static final double UNIT_ROUNDOFF = 0x1p-24;

    private final String model;
    private final long reductionLength;

    private RoundingBound(String model, long reductionLength) {
        this.model = model;
        this.reductionLength = reductionLength;
    }

    /** An encoder-decoder (Marian, BART, M2M100) from its {@code config.json}. */
    public static RoundingBound seq2seq(Path modelDir) {
        JsonNode c = config(modelDir);
        int d = c.get("d_model").asInt();
        int positions = c.get("max_position_embeddings").asInt();
        long encoder = c.get("encoder_layers").asLong()
                * (attention(d, c.get("encoder_attention_heads").asInt(), positions)
                        + feedForward(d, c.get("encoder_ffn_dim").asInt()));
        int decoderHeads = c.get("decoder_attention_heads").asInt();
        long decoder = c.get("decoder_layers").asLong()
                * (2 * attention(d, decoderHeads, positions)
                        + feedForward(d, c.get("decoder_ffn_dim").asInt()));
        // The language-model head is one more product of length d; the log-softmax runs in Java, bit
        // for bit as torch's (TorchLogSoftmaxTest), so it adds no difference of its own.
        return new RoundingBound(modelDir.getFileName().toString(), encoder + decoder + d);
    }

    /** A BERT-style sentence encoder from its {@code config.json}, mean-pooled and scaled to unit length. */
    public static RoundingBound sentenceEncoder(Path modelDir) {
        JsonNode c = config(modelDir);
        int d = c.get("hidden_size").asInt();
        int positions = c.get("max_position_embeddings").asInt();
        long layers = c.get("num_hidden_layers").asLong()
                * (attention(d, c.get("num_attention_heads").asInt(), positions)
                        + feedForward(d, c.get("intermediate_size").asInt()));
        // The embeddings' layer norm, the mean over the positions, and the vector's length.
        return new RoundingBound(modelDir.getFileName().toString(), 2L * d + layers + positions + d);
    }

    private static long attention(int d, int heads, int positions) {
        return d + d / heads + 2L * positions + d + 2L * d;
    }

    private static long feedForward(int d, int inner) {
        return d + inner + 2L * d;
    }

    private static JsonNode config(Path modelDir) {
        try {
            return new ObjectMapper().readTree(modelDir.resolve("config.json").toFile());
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read " + modelDir.resolve("config.json"), e));
        }
    }

    /** N: the reduction lengths on the graph's deepest path, added up. */
    public long reductionLength() {
        return reductionLength;
    }

    /** γ(N), the relative error of one correct execution. */
    public double gamma() {
        double nu = reductionLength * UNIT_ROUNDOFF;
        return nu / (1 - nu);
    }

    /**
     * Two executions' log-probabilities of one token: the logits differ by at most {@code 2·γ(N)}
     * times their scale (the largest |logit| of the step), and a log-softmax moves by at most twice the
     * largest change of its inputs (the token's own logit and the log-sum-exp, which moves by no more
     * than its largest input does). A repetition penalty {@code p} scales logits by up to {@code p}
     * before or after the log-softmax, so by up to {@code p} more.
     */
    public double logProb(double maxAbsLogit, double repetitionPenalty) {
        return 2 * 2 * gamma() * maxAbsLogit * Math.max(1.0, repetitionPenalty);
    }

    /** Two executions' components of one unit-length vector (each component at most 1). */
    public double unitVectorComponent() {
        return 2 * gamma();
    }

    /** Two executions' cosine of the same pair of unit vectors: each vector moves by at most that much, the dot product's own sum by γ(d) more. */
    public double cosine(int dimensions) {
        return 2 * unitVectorComponent() + dimensions * UNIT_ROUNDOFF / (1 - dimensions * UNIT_ROUNDOFF);
    }

    @Override
    public String toString() {
        return model + ": N = " + reductionLength + ", γ(N) = " + String.format("%.3g", gamma());
    }
}
