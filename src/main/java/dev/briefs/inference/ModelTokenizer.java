package dev.briefs.inference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.briefs.inference.onnx.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model folder's tokenizer, the one that gives the ids {@code transformers} gives: SentencePiece
 * itself for Marian ({@link MarianSpTokenizer}, as {@code MarianTokenizer}), DJL's binding of the
 * Rust tokenizers over {@code tokenizer.json} for the others (BART, NLLB), where it is exact. For
 * multilingual models it also knows the language tokens.
 */
final class ModelTokenizer implements AutoCloseable {

    /** NLLB's FLORES-200 codes ({@code eng_Latn}) and M2M100's ({@code __en__}). */
    private static final Pattern LANGUAGE_TOKEN = Pattern.compile("[a-z]{3}_[A-Z][a-z]{3}|__[a-z]{2,3}__");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(ModelTokenizer.class);
    private static final AtomicBoolean WARNED_NO_SPM = new AtomicBoolean();
    private static final List<String> MULTILINGUAL_TYPES = List.of("m2m_100");
    private static final String MARIAN = "marian";

    /** The two tokenizers behind one face: ids with or without special tokens, and decoding. */
    interface Codec extends AutoCloseable {
        long[] encode(String text, boolean addSpecialTokens);

        String decode(long[] ids);

        /** Ids of a text as the model generates them: target side, no special tokens. */
        long[] encodeTarget(String text);

        /** The unknown token's id, or -1 when the tokenizer has none. */
        long unknownId();

        @Override
        void close();

        static Codec of(HuggingFaceTokenizer t, long unknownId) {
            return new Codec() {
                /** BART and NLLB tokenize both sides alike; without special tokens no language code is added. */
                @Override
                public long[] encodeTarget(String text) {
                    return t.encode(text, false, false).getIds();
                }

                @Override
                public long unknownId() {
                    return unknownId;
                }

                @Override
                public long[] encode(String text, boolean special) {
                    return special
                            ? t.encode(text).getIds()
                            : t.encode(text, false, false).getIds();
                }

                @Override
                public String decode(long[] ids) {
                    return t.decode(ids, true);
                }

                @Override
                public void close() {
                    t.close();
                }
            };
        }

        static Codec of(MarianSpTokenizer t) {
            return new Codec() {
                @Override
                public long[] encodeTarget(String text) {
                    return t.encodeTarget(text);
                }

                @Override
                public long unknownId() {
                    return t.unknownId();
                }

                @Override
                public long[] encode(String text, boolean special) {
                    return t.encode(text, special);
                }

                @Override
                public String decode(long[] ids) {
                    return t.decode(ids);
                }

                @Override
                public void close() {
                    t.close();
                }
            };
        }
    }

    private final Codec codec;
    private final Map<String, Long> languageTokens;
    private final boolean legacyLanguageSuffix;

    private ModelTokenizer(Codec codec, Map<String, Long> languageTokens, boolean legacyLanguageSuffix) {
        this.codec = codec;
        this.languageTokens = Map.copyOf(languageTokens);
        this.legacyLanguageSuffix = legacyLanguageSuffix;
    }

    /**
     * @param architecture the model's {@code model_type}
     * @param limit        the model's position limit, where inputs are cut; null for none
     * @throws ModelLoadException naming the missing or corrupt file
     */
    static ModelTokenizer load(Path modelDir, String architecture, Integer limit) {
        Path tokFile = modelDir.resolve("tokenizer.json");
        if (MARIAN.equals(architecture)) {
            if (MarianSpTokenizer.available(modelDir)) {
                return new ModelTokenizer(Codec.of(MarianSpTokenizer.load(modelDir, limit)), Map.of(), false);
            }
            if (Files.isRegularFile(tokFile) && WARNED_NO_SPM.compareAndSet(false, true)) {
                LOG.warn(
                        "Marian model {} has no source.spm/target.spm/vocab.json: tokenizing with tokenizer.json,"
                                + " which splits some numbers differently from MarianTokenizer",
                        modelDir);
            }
        }
        if (!Files.isRegularFile(tokFile)) {
            throw new ModelLoadException(tokFile, "Missing tokenizer");
        }
        Codec tok = Codec.of(tokenizer(tokFile, limit), unknownId(tokFile));
        if (!MULTILINGUAL_TYPES.contains(architecture)) {
            return new ModelTokenizer(tok, Map.of(), false);
        }
        Map<String, Long> languages = languageTokens(tokFile);
        if (languages.isEmpty()) {
            tok.close();
            throw new ModelLoadException(
                    tokFile, "Multilingual model (" + architecture + ") but the tokenizer has no language tokens");
        }
        return new ModelTokenizer(tok, languages, legacyBehaviour(modelDir.resolve("tokenizer_config.json")));
    }

    long[] encode(String text, boolean addSpecialTokens) {
        return codec.encode(text, addSpecialTokens);
    }

    String decode(long[] ids) {
        return codec.decode(ids);
    }

    long[] encodeTarget(String text) {
        return codec.encodeTarget(text);
    }

    long unknownId() {
        return codec.unknownId();
    }

    /** Language code token to id, for multilingual models; empty otherwise. */
    Map<String, Long> languageTokens() {
        return languageTokens;
    }

    /** NLLB's legacy order: the language code after {@code </s>}, not before the text. */
    boolean legacyLanguageSuffix() {
        return legacyLanguageSuffix;
    }

    @Override
    public void close() {
        codec.close();
    }

    /**
     * The model's tokenizer, truncating at the model's own position limit as {@code transformers}
     * does with {@code model_max_length}. DJL caps truncation at a {@code modelMaxLength} of its own
     * that defaults to 512 when no tokenizer_config.json is read, which silently cut BART inputs of
     * up to 1,024 tokens at 512; the limit is therefore given as both.
     *
     * @param limit the model's {@code max_position_embeddings}, or null for no truncation
     */
    static HuggingFaceTokenizer tokenizer(Path tokFile, Integer limit) {
        HuggingFaceTokenizer.Builder b = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokFile)
                .optAddSpecialTokens(true)
                .optPadding(false);
        if (limit != null) {
            b.optTruncation(true).optMaxLength(limit);
            b.configure(Map.of("modelMaxLength", limit));
        } else {
            b.optTruncation(false);
        }
        try {
            return b.build();
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(tokFile, "Corrupt or unreadable tokenizer (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The unknown token's id in tokenizer.json: a Unigram model's {@code unk_id}, or the vocabulary's id of the
     * model's {@code unk_token}; -1 when it has none (byte-level BPE, as BART's, never needs one).
     */
    private static long unknownId(Path tokFile) {
        try {
            JsonNode model = JSON.readTree(tokFile.toFile()).path("model");
            if (model.path("unk_id").isIntegralNumber()) {
                return model.path("unk_id").longValue();
            }
            JsonNode id = model.path("vocab").path(model.path("unk_token").asString(""));
            return id.isIntegralNumber() ? id.longValue() : -1;
        } catch (JacksonException e) {
            throw new ModelLoadException(tokFile, "Corrupt or unreadable tokenizer (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, Long> languageTokens(Path tokFile) {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            for (JsonNode t : JSON.readTree(tokFile.toFile()).path("added_tokens")) {
                String content = t.path("content").asString("");
                if (t.path("special").asBoolean(false)
                        && LANGUAGE_TOKEN.matcher(content).matches()) {
                    out.put(content, t.path("id").longValue());
                }
            }
        } catch (JacksonException e) {
            throw new ModelLoadException(tokFile, "Corrupt or unreadable tokenizer (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /** NLLB's {@code legacy_behaviour} (tokenizer_config.json): language code after {@code </s>}; default false. */
    private static boolean legacyBehaviour(Path tokConfig) {
        if (!Files.isRegularFile(tokConfig)) {
            return false;
        }
        try {
            return JSON.readTree(tokConfig.toFile()).path("legacy_behaviour").asBoolean(false);
        } catch (JacksonException e) {
            throw new ModelLoadException(tokConfig, "Corrupt tokenizer config (invalid JSON)", e);
        }
    }
}
