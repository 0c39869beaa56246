package dev.briefs.inference;

import dev.briefs.chunk.TokenCounter;
import dev.briefs.generate.BeamSearch;
import dev.briefs.generate.ForceWords;
import dev.briefs.generate.Generation;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.ScoredSequence;
import dev.briefs.inference.onnx.CallMemory;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.inference.onnx.OrtSessionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text in, text out: tokenizes as the model's Python pipeline does (special tokens added: Marian
 * appends {@code </s>}, BART wraps in {@code <s> ... </s>}), generates with {@link Generation},
 * decodes skipping special tokens. Marian folders with {@code source.spm}, {@code target.spm} and
 * {@code vocab.json} go through {@link MarianSpTokenizer} (SentencePiece itself, as
 * {@code MarianTokenizer}); BART, NLLB and a Marian folder without those files use
 * {@code tokenizer.json} through DJL's HuggingFaceTokenizer.
 *
 * <p>Inputs longer than {@code max_position_embeddings} tokens are truncated by the tokenizer to
 * that many tokens, special tokens included (the closing {@code </s>} is kept). Empty text yields
 * just the special tokens. Characters the vocabulary lacks become the unknown token.
 *
 * <p>Multilingual models ({@code model_type: m2m_100}: NLLB-200, M2M100) translate between any two of
 * their languages: {@link #generate(String, String, String)} takes the source and target language
 * (ISO 639-1 such as {@code en}, mapped by {@link NllbLanguages}, or the model's own code such as
 * {@code ukr_Cyrl}). The input is encoded as the NLLB tokenizer does with {@code src_lang} set:
 * {@code [src_lang] tokens </s>}, or {@code tokens </s> [src_lang]} when tokenizer_config.json says
 * {@code legacy_behaviour: true}; generation forces the target language token first
 * ({@code forced_bos_token_id}). The language token ids come from tokenizer.json's added tokens.
 *
 * <p>Thread-safe: the ONNX sessions and the tokenizer are shared, each call decodes on its own.
 */
public final class Seq2SeqGenerator implements TextGenerator, AutoCloseable {

    /**
     * One input's result: its token ids, the generated ids (decoder start token first) and text, and
     * the model's mean log-probability per generated token ({@link ScoredSequence#meanLogProb()}; NaN
     * when unknown).
     */
    public record Result(String input, long[] inputIds, int[] outputIds, String text, double meanLogProb) {

        /** A result whose mean log-probability is unknown. */
        public Result(String input, long[] inputIds, int[] outputIds, String text) {
            this(input, inputIds, outputIds, text, Double.NaN);
        }

        /** Generated tokens, the decoder start token not counted (the EOS is). */
        public int generatedTokens() {
            return Math.max(0, outputIds.length - 1);
        }
    }

    private final OnnxSeq2SeqModel model;
    private final ModelTokenizer tokenizer;
    private final GenerationConfig defaults;
    private final BeamSearch.LengthConvention convention;
    private final LanguageTokens languages;
    private final OrtSessionSettings sessionSettings;

    private Seq2SeqGenerator(OnnxSeq2SeqModel model, ModelTokenizer tokenizer, OrtSessionSettings sessionSettings) {
        this.sessionSettings = sessionSettings;
        this.model = model;
        this.tokenizer = tokenizer;
        this.defaults = model.generationConfig();
        this.convention = BeamSearch.LengthConvention.GENERATED;
        int[] eos = defaults.getEosTokenId();
        long eosTokenId = eos != null && eos.length > 0 ? eos[0] : 2L; // </s>
        this.languages = new LanguageTokens(
                tokenizer.languageTokens(), tokenizer.legacyLanguageSuffix(), eosTokenId, modelName(model));
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
        try {
            return new Seq2SeqGenerator(
                    model,
                    ModelTokenizer.load(modelDir, model.architecture(), model.maxPositions()),
                    model.sessionSettings());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The loaded graphs (variant, decoder layout, whether the decoder reuses its cache), the ONNX
     * Runtime session settings the graphs run with (thread counts can change how sums round; an int8
     * graph's are always one thread, whatever the job file says) and every generation setting, as JSON
     * with sorted keys.
     */
    @Override
    public String settingsFingerprint() {
        try {
            return "variant=" + model.variant() + ";layout=" + model.layout() + ";cache=" + model.usesCache()
                    + ";session=" + sessionSettings + ";generation=" + FINGERPRINT_JSON.writeValueAsString(defaults)
                    // the JSON has no forced words (they are no bean property); a model that sets them adds them
                    + (defaults.forceWords() == null ? "" : ";force_words_ids=" + defaults.forceWords());
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "cannot write the generation settings of " + modelName(model) + ": " + e.getMessage(), e);
        }
    }

    private static final JsonMapper FINGERPRINT_JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** True for a multilingual model, which needs a source and a target language for each call. */
    @Override
    public boolean multilingual() {
        return languages.multilingual();
    }

    /** The language codes the model's tokenizer knows (NLLB codes such as {@code eng_Latn}); empty for pair models. */
    public Set<String> languageCodes() {
        return languages.codes();
    }

    private static String modelName(OnnxSeq2SeqModel model) {
        Path name = model.directory().getFileName();
        return name == null ? model.directory().toString() : name.toString();
    }

    /**
     * The language token id for a language: the model's own code ({@code ukr_Cyrl}), the NLLB code of an
     * ISO 639-1 code ({@code uk}), or M2M100's {@code __uk__}.
     *
     * @throws UnknownLanguageException naming the language when the model has no token for it
     */
    public long languageTokenId(String language) {
        return languages.idOf(language);
    }

    @Override
    public void checkLanguages(String sourceLanguage, String targetLanguage) {
        if (multilingual()) {
            languages.idOf(sourceLanguage);
            languages.idOf(targetLanguage);
        }
    }

    /**
     * Token ids of one text in a source language, as the NLLB tokenizer encodes with {@code src_lang}:
     * {@code [lang] tokens </s>} (legacy: {@code tokens </s> [lang]}), truncated to the position limit.
     * For a model made for one pair this is {@link #tokenize(String)}.
     */
    public long[] tokenize(String text, String sourceLanguage) {
        if (!multilingual()) {
            return tokenize(text);
        }
        return languages.wrap(tokenizer.encode(text == null ? "" : text, false), sourceLanguage, model.maxPositions());
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
        return tokenizer.encode(text == null ? "" : text, true);
    }

    /**
     * Counts a text's tokens without special tokens, as chunk packing needs them. Counts stop at
     * the position limit: a text that reaches it is too long for one call either way.
     */
    @Override
    public TokenCounter tokenCounter() {
        return text -> tokenizer.encode(text, false).length;
    }

    /** The most content tokens one input can hold: the position limit less the special tokens around a text. */
    @Override
    public int maxInputTokens() {
        Integer limit = model.maxPositions();
        int specials = tokenize("").length;
        return (limit != null ? limit : 512) - specials;
    }

    /**
     * Words every output must contain ({@code force_words_ids}, constrained beam search), tokenized as the model
     * generates them: on the target side and without special tokens, as transformers' docs do
     * ({@code tokenizer(text_target=word, add_special_tokens=False)}; for Marian that is {@code target.spm}).
     * A word may have several accepted forms, separated by {@code |} ({@code "Kyiv|Kiev"}): one disjunctive
     * constraint, fulfilled by any of them. Each form is stripped of surrounding whitespace.
     *
     * @throws IllegalArgumentException naming the word, when a form is empty, tokenizes to nothing or to the
     *     unknown token (the model could never generate it), or when the forms of one word repeat or begin one
     *     another (transformers refuses those)
     */
    public ForceWords forcedWords(List<String> words) {
        return ForcedWordTokens.forceWords(tokenizer, modelName(model), words);
    }

    /** Text of generated ids, special tokens skipped. */
    public String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return tokenizer.decode(l);
    }

    /**
     * One text, model defaults.
     *
     * @throws UnknownLanguageException for a multilingual model, which needs {@link #generate(String, String, String)}
     */
    @Override
    public Result generate(String text) {
        if (multilingual()) {
            throw languages.missingLanguages();
        }
        return generate(List.of(text), defaults).get(0);
    }

    /** One text from a source into a target language, model defaults; languages are ignored by pair models. */
    @Override
    public Result generate(String text, String sourceLanguage, String targetLanguage) {
        return generate(List.of(text), sourceLanguage, targetLanguage, defaults).get(0);
    }

    /** A batch from a source into a target language, with transformers-style overrides of the defaults. */
    public List<Result> generate(
            List<String> texts, String sourceLanguage, String targetLanguage, Map<String, ?> overrides) {
        return generate(texts, sourceLanguage, targetLanguage, defaults.copy().override(overrides));
    }

    /**
     * A batch from a source into a target language. For a multilingual model the inputs carry the
     * source language token and {@code forced_bos_token_id} is the target language token; a model
     * made for one pair ignores the languages.
     *
     * @throws UnknownLanguageException naming a language a multilingual model does not know
     */
    public List<Result> generate(
            List<String> texts, String sourceLanguage, String targetLanguage, GenerationConfig config) {
        if (!multilingual()) {
            return generate(texts, config);
        }
        long target = languageTokenId(targetLanguage);
        languageTokenId(sourceLanguage);
        List<long[]> ids = new ArrayList<>();
        for (String t : texts) {
            ids.add(tokenize(t, sourceLanguage));
        }
        return generateIds(texts, ids, config.copy().setForcedBosTokenId((int) target));
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
        List<long[]> ids = new ArrayList<>();
        for (String t : texts) {
            ids.add(tokenize(t));
        }
        return generateIds(texts, ids, config);
    }

    private List<Result> generateIds(List<String> texts, List<long[]> ids, GenerationConfig config) {
        return generateIds(texts, ids, 0, config);
    }

    /** Right-pads the rows to the longest, or to {@code padTo} when that is longer, and generates. */
    private List<Result> generateIds(List<String> texts, List<long[]> ids, int padTo, GenerationConfig config) {
        if (texts.isEmpty()) {
            return List.of();
        }
        int len = padTo;
        for (long[] r : ids) {
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
        ScoredSequence[] out = Generation.generateScored(model, in, mask, config, convention);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int[] tokens = out[i].tokens();
            results.add(new Result(texts.get(i), ids.get(i), tokens, decode(tokens), out[i].meanLogProb()));
        }
        return results;
    }

    @Override
    public int inputLength(String text, String sourceLanguage) {
        return multilingual() ? tokenize(text, sourceLanguage).length : tokenize(text).length;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Measured, not assumed: with the float32 graphs a row's logits are bit-identical whatever
     * its neighbours, as long as it is padded to the same length ({@code NeighbourIndependenceTest}).
     * The quantized graphs quantize activations with one scale per tensor, computed over the whole
     * batch, so every neighbour changes every row: they run one input at a time. So do the q4 graphs,
     * though they quantize weights only: ONNX Runtime's {@code MatMulNBits} multiplies a one-row input
     * with another kernel than a several-row one, so a row alone and the same row beside others differ
     * in their last bits (measured: {@code NeighbourIndependenceTest}).
     */
    @Override
    public boolean rowsIndependent() {
        return model.variant().inputsShareCalls();
    }

    /** The loaded model's, by its config.json and generation settings (the ones {@link #generateBatch} uses). */
    @Override
    public CallMemory callMemory() {
        return model.callMemory();
    }

    @Override
    public List<Result> generateBatch(List<String> texts, String sourceLanguage, String targetLanguage, int padTo) {
        return generateBatch(texts, sourceLanguage, targetLanguage, padTo, defaults);
    }

    /** Constrained beam search when words are given; the model's own beam width. */
    @Override
    public List<Result> generateBatch(
            List<String> texts,
            String sourceLanguage,
            String targetLanguage,
            int padTo,
            List<List<String>> forceWords) {
        if (forceWords.isEmpty()) {
            return generateBatch(texts, sourceLanguage, targetLanguage, padTo);
        }
        GenerationConfig config =
                defaults.copy().setForceWords(ForcedWordTokens.ofConstraints(tokenizer, modelName(model), forceWords));
        return generateBatch(texts, sourceLanguage, targetLanguage, padTo, config);
    }

    /** Transformers refuses constrained greedy search, so a model that searches greedily forces nothing. */
    @Override
    public ForcedWords forceable(List<List<String>> constraints) {
        if (defaults.getNumBeams() < 2) {
            return ForcedWords.refusingAll(
                    constraints,
                    "model " + modelName(model)
                            + " searches greedily (num_beams 1), and only beam search forces words");
        }
        return ForcedWordTokens.forceable(tokenizer, modelName(model), constraints);
    }

    private List<Result> generateBatch(
            List<String> texts, String sourceLanguage, String targetLanguage, int padTo, GenerationConfig settings) {
        GenerationConfig config = settings;
        List<long[]> ids = new ArrayList<>();
        if (multilingual()) {
            long target = languageTokenId(targetLanguage);
            for (String t : texts) {
                ids.add(tokenize(t, sourceLanguage));
            }
            config = settings.copy().setForcedBosTokenId((int) target);
        } else {
            for (String t : texts) {
                ids.add(tokenize(t));
            }
        }
        return generateIds(texts, ids, padTo, config);
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
