package dev.briefs.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.briefs.generate.BeamSearch;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.Generation;
import dev.briefs.model.onnx.OnnxModelOptions;
import dev.briefs.model.onnx.OnnxSeq2SeqModel;

/**
 * Text in, text out: tokenizes with the model's {@code tokenizer.json} (special tokens added as the
 * model's pipeline does: Marian appends {@code </s>}, BART wraps in {@code <s> ... </s>}),
 * generates with {@link Generation}, decodes skipping special tokens.
 *
 * <p>Inputs longer than {@code max_position_embeddings} tokens are truncated by the tokenizer to
 * that many tokens, special tokens included (the closing {@code </s>} is kept). Empty text yields
 * just the special tokens. Characters the vocabulary lacks become the unknown token.
 *
 * <p>Thread-safe: the ONNX sessions and the tokenizer are shared, each call decodes on its own.
 */
public final class Seq2SeqGenerator implements TextGenerator, AutoCloseable {

    /** One input's result: its token ids, the generated ids (decoder start token first) and text. */
    public record Result(String input, long[] inputIds, int[] outputIds, String text) {}

    private final OnnxSeq2SeqModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final GenerationConfig defaults;
    private final BeamSearch.LengthConvention convention;

    private Seq2SeqGenerator(OnnxSeq2SeqModel model, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.defaults = model.generationConfig();
        this.convention = BeamSearch.LengthConvention.GENERATED;
    }

    /** Loads a model folder with the default ONNX variant and layout. */
    public static Seq2SeqGenerator load(Path modelDir) {
        return load(modelDir, OnnxModelOptions.defaults());
    }

    /**
     * Loads a model folder.
     *
     * @throws ModelLoadException naming the missing or corrupt file
     */
    public static Seq2SeqGenerator load(Path modelDir, OnnxModelOptions options) {
        OnnxSeq2SeqModel model = OnnxSeq2SeqModel.load(modelDir, options);
        Path tokFile = modelDir.resolve("tokenizer.json");
        try {
            if (!Files.isRegularFile(tokFile)) {
                throw new ModelLoadException(tokFile, "Missing tokenizer");
            }
            HuggingFaceTokenizer.Builder b = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokFile)
                    .optAddSpecialTokens(true)
                    .optPadding(false);
            Integer limit = model.maxPositions();
            if (limit != null) {
                b.optTruncation(true).optMaxLength(limit);
            } else {
                b.optTruncation(false);
            }
            HuggingFaceTokenizer tok;
            try {
                tok = b.build();
            } catch (IOException | RuntimeException e) {
                throw new ModelLoadException(tokFile, "Corrupt or unreadable tokenizer (" + e.getMessage() + ")", e);
            }
            return new Seq2SeqGenerator(model, tok);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The underlying token-level model. */
    public OnnxSeq2SeqModel model() {
        return model;
    }

    /** A copy of the model's default generation settings, to adjust and pass to {@link #generate(List, GenerationConfig)}. */
    public GenerationConfig defaultConfig() {
        return defaults.copy();
    }

    /** Token ids of one text, special tokens added, truncated to the position limit. */
    public long[] tokenize(String text) {
        Encoding e = tokenizer.encode(text == null ? "" : text);
        return e.getIds();
    }

    /**
     * Counts a text's tokens without special tokens, as chunk packing needs them. Counts stop at
     * the position limit: a text that reaches it is too long for one call either way.
     */
    @Override
    public dev.briefs.chunk.TokenCounter tokenCounter() {
        return text -> tokenizer.encode(text, false, false).getIds().length;
    }

    /** The most content tokens one input can hold: the position limit less the special tokens around a text. */
    @Override
    public int maxInputTokens() {
        Integer limit = model.maxPositions();
        int specials = tokenize("").length;
        return (limit != null ? limit : 512) - specials;
    }

    /** Text of generated ids, special tokens skipped. */
    public String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return tokenizer.decode(l, true);
    }

    /** One text, model defaults. */
    @Override
    public Result generate(String text) {
        return generate(List.of(text), defaults).get(0);
    }

    /** A batch with the model defaults. */
    public List<Result> generate(List<String> texts) {
        return generate(texts, defaults);
    }

    /** A batch with transformers-style overrides of the defaults ({@code num_beams}, {@code max_new_tokens}, ...). */
    public List<Result> generate(List<String> texts, Map<String, ?> overrides) {
        return generate(texts, defaults.copy().override(overrides));
    }

    /**
     * Generates for the texts as one right-padded batch (attention mask marks the padding).
     *
     * @return one result per text, in order
     */
    public List<Result> generate(List<String> texts, GenerationConfig config) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<long[]> ids = new ArrayList<>();
        int len = 0;
        for (String t : texts) {
            long[] r = tokenize(t);
            ids.add(r);
            len = Math.max(len, r.length);
        }
        long pad = config.resolvePadTokenId();
        long[][] in = new long[texts.size()][len];
        long[][] mask = new long[texts.size()][len];
        for (int i = 0; i < texts.size(); i++) {
            long[] r = ids.get(i);
            for (int j = 0; j < len; j++) {
                in[i][j] = j < r.length ? r[j] : pad;
                mask[i][j] = j < r.length ? 1 : 0;
            }
        }
        int[][] out = Generation.generate(model, in, mask, config, convention);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            results.add(new Result(texts.get(i), ids.get(i), out[i], decode(out[i])));
        }
        return results;
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
