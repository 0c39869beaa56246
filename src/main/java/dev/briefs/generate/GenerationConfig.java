package dev.briefs.generate;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Generation settings, mirroring the subset of transformers' {@code GenerationConfig} that this
 * engine implements (greedy and beam search, no sampling).
 *
 * <p>Defaults are transformers' defaults. {@link #load(Path)} reads a model folder's {@code
 * generation_config.json}, or {@code config.json} when there is none, as transformers 4.46.3 does;
 * settings that would change its output but are not implemented here are refused, never dropped
 * (see {@link GenerationConfigFiles}).
 *
 * <p>Instances are mutable; use {@link #copy()} and {@link #override(Map)} to derive per-call
 * settings with transformers' {@code generate(**kwargs)} names.
 */
public final class GenerationConfig {

    /** transformers' {@code early_stopping}: {@code True}, {@code False} or {@code "never"}. */
    public enum EarlyStopping {
        TRUE,
        FALSE,
        NEVER;

        /** Parses a JSON/kwarg value: booleans or the string "never". */
        public static EarlyStopping parse(@Nullable Object value) {
            if (value == null) {
                return FALSE;
            }
            if (value instanceof EarlyStopping e) {
                return e;
            }
            if (value instanceof Boolean b) {
                return b ? TRUE : FALSE;
            }
            String s = value.toString().trim().toLowerCase(Locale.ROOT);
            return switch (s) {
                case "true" -> TRUE;
                case "false" -> FALSE;
                case "never" -> NEVER;
                default ->
                    throw new IllegalArgumentException("early_stopping must be true, false or \"never\": " + value);
            };
        }
    }

    private int maxLength = 20;
    private @Nullable Integer maxNewTokens;
    private int minLength = 0;
    private @Nullable Integer minNewTokens;
    private int numBeams = 1;
    private EarlyStopping earlyStopping = EarlyStopping.FALSE;
    private double lengthPenalty = 1.0;
    private int noRepeatNgramSize = 0;
    private double repetitionPenalty = 1.0;
    private @Nullable List<int[]> badWordsIds;
    private @Nullable Integer forcedBosTokenId;
    private int @Nullable [] forcedEosTokenId;
    private int @Nullable [] eosTokenId;
    private @Nullable Integer padTokenId;
    private @Nullable Integer bosTokenId;
    private @Nullable Integer decoderStartTokenId;
    private int numReturnSequences = 1;
    private boolean doSample = false;
    private int @Nullable [] suppressTokens;
    private int @Nullable [] beginSuppressTokens;
    private boolean renormalizeLogits = false;
    private boolean removeInvalidValues = false;
    private @Nullable Integer maxPositionEmbeddings;
    private @Nullable ForceWords forceWords;

    public GenerationConfig() {}

    /** A deep copy. */
    public GenerationConfig copy() {
        GenerationConfig c = new GenerationConfig();
        c.maxLength = maxLength;
        c.maxNewTokens = maxNewTokens;
        c.minLength = minLength;
        c.minNewTokens = minNewTokens;
        c.numBeams = numBeams;
        c.earlyStopping = earlyStopping;
        c.lengthPenalty = lengthPenalty;
        c.noRepeatNgramSize = noRepeatNgramSize;
        c.repetitionPenalty = repetitionPenalty;
        if (badWordsIds != null) {
            c.badWordsIds = new ArrayList<>();
            for (int[] w : badWordsIds) {
                c.badWordsIds.add(w.clone());
            }
        }
        c.forcedBosTokenId = forcedBosTokenId;
        c.forcedEosTokenId = forcedEosTokenId == null ? null : forcedEosTokenId.clone();
        c.eosTokenId = eosTokenId == null ? null : eosTokenId.clone();
        c.padTokenId = padTokenId;
        c.bosTokenId = bosTokenId;
        c.decoderStartTokenId = decoderStartTokenId;
        c.numReturnSequences = numReturnSequences;
        c.doSample = doSample;
        c.suppressTokens = suppressTokens == null ? null : suppressTokens.clone();
        c.beginSuppressTokens = beginSuppressTokens == null ? null : beginSuppressTokens.clone();
        c.renormalizeLogits = renormalizeLogits;
        c.removeInvalidValues = removeInvalidValues;
        c.maxPositionEmbeddings = maxPositionEmbeddings;
        c.forceWords = forceWords; // immutable
        return c;
    }

    // ------------------------------------------------------------------ loading

    /**
     * Loads the settings of a model folder as transformers 4.46.3 does ({@code generation_config.json},
     * else {@code config.json}; see {@link GenerationConfigFiles}).
     *
     * @throws UncheckedIOException when neither file can be read, or one is not valid JSON
     * @throws GenerationSettingException naming the key, value and file of a setting that would change
     *     transformers' output but is not implemented here, or of an unreadable value
     */
    public static GenerationConfig load(Path modelDir) {
        return GenerationConfigFiles.load(modelDir);
    }

    static final List<String> KNOWN_KEYS = List.of(
            "max_length",
            "max_new_tokens",
            "min_length",
            "min_new_tokens",
            "num_beams",
            "early_stopping",
            "length_penalty",
            "no_repeat_ngram_size",
            "repetition_penalty",
            "bad_words_ids",
            "forced_bos_token_id",
            "forced_eos_token_id",
            "eos_token_id",
            "pad_token_id",
            "bos_token_id",
            "decoder_start_token_id",
            "num_return_sequences",
            "do_sample",
            "suppress_tokens",
            "begin_suppress_tokens",
            "renormalize_logits",
            "remove_invalid_values",
            "force_words_ids");

    /**
     * Applies transformers-style keyword overrides ({@code num_beams}, {@code max_new_tokens},
     * {@code early_stopping}, ...). Values may be numbers, booleans, strings, {@code int[]},
     * {@code int[][]} or lists; a {@code null} value resets the setting to "unset" where that is
     * meaningful. Unknown keys are rejected.
     *
     * @return this
     */
    public GenerationConfig override(Map<String, ?> kwargs) {
        for (Map.Entry<String, ?> e : kwargs.entrySet()) {
            if (!KNOWN_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("Unsupported generation setting: " + e.getKey());
            }
            set(e.getKey(), e.getValue());
        }
        return this;
    }

    void set(String key, @Nullable Object v) {
        switch (key) {
            case "max_length" -> maxLength = v == null ? 20 : toInt(v);
            case "max_new_tokens" -> maxNewTokens = v == null ? null : toInt(v);
            case "min_length" -> minLength = v == null ? 0 : toInt(v);
            case "min_new_tokens" -> minNewTokens = v == null ? null : toInt(v);
            case "num_beams" -> numBeams = v == null ? 1 : toInt(v);
            case "early_stopping" -> earlyStopping = EarlyStopping.parse(v);
            case "length_penalty" -> lengthPenalty = v == null ? 1.0 : ((Number) v).doubleValue();
            case "no_repeat_ngram_size" -> noRepeatNgramSize = v == null ? 0 : toInt(v);
            case "repetition_penalty" -> repetitionPenalty = v == null ? 1.0 : ((Number) v).doubleValue();
            case "bad_words_ids" -> badWordsIds = v == null ? null : toIntLists(v);
            case "forced_bos_token_id" -> forcedBosTokenId = v == null ? null : toInt(v);
            case "forced_eos_token_id" -> forcedEosTokenId = v == null ? null : toIntArray(v);
            case "eos_token_id" -> eosTokenId = v == null ? null : toIntArray(v);
            case "pad_token_id" -> padTokenId = v == null ? null : toInt(v);
            case "bos_token_id" -> bosTokenId = v == null ? null : toInt(v);
            case "decoder_start_token_id" -> decoderStartTokenId = v == null ? null : toInt(v);
            case "num_return_sequences" -> numReturnSequences = v == null ? 1 : toInt(v);
            case "do_sample" -> doSample = v != null && (Boolean) v;
            case "suppress_tokens" -> suppressTokens = v == null ? null : toIdList(key, v);
            case "begin_suppress_tokens" -> beginSuppressTokens = v == null ? null : toIdList(key, v);
            case "renormalize_logits" -> renormalizeLogits = v != null && (Boolean) v;
            case "remove_invalid_values" -> removeInvalidValues = v != null && (Boolean) v;
            case "force_words_ids" -> forceWords = v == null ? null : ForceWords.parse(v);
            default -> throw new IllegalArgumentException(key);
        }
    }

    private static int toInt(Object v) {
        if (v instanceof Number n) {
            return Math.toIntExact(n.longValue());
        }
        return Integer.parseInt(v.toString());
    }

    /** A list of token ids: transformers takes {@code list(value)}, so a bare number is no list. */
    private static int[] toIdList(String key, Object v) {
        if (!(v instanceof int[]) && !(v instanceof List<?>)) {
            throw new IllegalArgumentException(key + " must be a list of token ids");
        }
        return toIntArray(v);
    }

    private static int[] toIntArray(Object v) {
        if (v instanceof int[] a) {
            return a.clone();
        }
        if (v instanceof List<?> l) {
            return l.stream().mapToInt(GenerationConfig::toInt).toArray();
        }
        return new int[] {toInt(v)};
    }

    private static List<int[]> toIntLists(Object v) {
        List<int[]> out = new ArrayList<>();
        if (v instanceof int[][] a) {
            for (int[] r : a) {
                out.add(r.clone());
            }
        } else if (v instanceof List<?> l) {
            for (Object r : l) {
                out.add(toIntArray(r));
            }
        } else {
            throw new IllegalArgumentException("bad_words_ids must be a list of lists of ints: " + v);
        }
        return out;
    }

    // ------------------------------------------------------------------ derived values

    /**
     * The total decoder length limit for a decoder prompt of {@code decoderPromptLength} tokens
     * (1 for encoder-decoder models: the decoder start token): {@code max_new_tokens +
     * prompt} when {@code max_new_tokens} is set, else {@code max_length}.
     */
    public int effectiveMaxLength(int decoderPromptLength) {
        return maxNewTokens != null ? maxNewTokens + decoderPromptLength : maxLength;
    }

    /**
     * The minimum total decoder length: with {@code min_new_tokens} set, transformers 4.46.3's {@code
     * _prepare_generated_length} replaces {@code min_length} by {@code min_new_tokens} plus the decoder
     * prompt, whatever {@code min_length} said.
     */
    public int effectiveMinLength(int decoderPromptLength) {
        return minNewTokens != null ? minNewTokens + decoderPromptLength : minLength;
    }

    /**
     * The token id that starts the decoder, as transformers 4.46.3's {@code _prepare_special_tokens}
     * picks it for encoder-decoder models: {@code decoder_start_token_id}, else {@code bos_token_id}
     * (of this config only; see {@link GenerationConfigFiles} for which file that is).
     *
     * @throws IllegalStateException when both are unset, where transformers raises too
     */
    public int resolveDecoderStartTokenId() {
        if (decoderStartTokenId != null) {
            return decoderStartTokenId;
        }
        if (bosTokenId != null) {
            return bosTokenId;
        }
        throw new IllegalStateException("Neither decoder_start_token_id nor bos_token_id is set");
    }

    /** The padding id: {@code pad_token_id}, else the first {@code eos_token_id}. */
    public int resolvePadTokenId() {
        if (padTokenId != null) {
            return padTokenId;
        }
        if (eosTokenId != null && eosTokenId.length > 0) {
            return eosTokenId[0];
        }
        throw new IllegalStateException("Neither pad_token_id nor eos_token_id is set");
    }

    /** Checks the settings this engine cannot honour. */
    public void validate() {
        if (doSample) {
            throw new UnsupportedOperationException("do_sample=true is not supported (greedy and beam search only)");
        }
        if (numBeams < 1) {
            throw new IllegalArgumentException("num_beams must be >= 1: " + numBeams);
        }
        if (numReturnSequences != 1) {
            throw new UnsupportedOperationException("num_return_sequences must be 1: " + numReturnSequences);
        }
        if (repetitionPenalty <= 0) {
            throw new IllegalArgumentException("repetition_penalty must be > 0: " + repetitionPenalty);
        }
        if (forceWords != null && numBeams <= 1) {
            throw new IllegalArgumentException("force_words_ids needs beam search: transformers 4.46.3 runs constrained"
                    + " beam search for it, which refuses num_beams " + numBeams + "; set num_beams to 2 or more");
        }
    }

    // ------------------------------------------------------------------ accessors (fluent setters)

    public int getMaxLength() {
        return maxLength;
    }

    public GenerationConfig setMaxLength(int v) {
        maxLength = v;
        return this;
    }

    public @Nullable Integer getMaxNewTokens() {
        return maxNewTokens;
    }

    public GenerationConfig setMaxNewTokens(@Nullable Integer v) {
        maxNewTokens = v;
        return this;
    }

    public int getMinLength() {
        return minLength;
    }

    public GenerationConfig setMinLength(int v) {
        minLength = v;
        return this;
    }

    public @Nullable Integer getMinNewTokens() {
        return minNewTokens;
    }

    public GenerationConfig setMinNewTokens(@Nullable Integer v) {
        minNewTokens = v;
        return this;
    }

    public int getNumBeams() {
        return numBeams;
    }

    public GenerationConfig setNumBeams(int v) {
        numBeams = v;
        return this;
    }

    public EarlyStopping getEarlyStopping() {
        return earlyStopping;
    }

    public GenerationConfig setEarlyStopping(EarlyStopping v) {
        earlyStopping = v;
        return this;
    }

    public double getLengthPenalty() {
        return lengthPenalty;
    }

    public GenerationConfig setLengthPenalty(double v) {
        lengthPenalty = v;
        return this;
    }

    public int getNoRepeatNgramSize() {
        return noRepeatNgramSize;
    }

    public GenerationConfig setNoRepeatNgramSize(int v) {
        noRepeatNgramSize = v;
        return this;
    }

    public double getRepetitionPenalty() {
        return repetitionPenalty;
    }

    public GenerationConfig setRepetitionPenalty(double v) {
        repetitionPenalty = v;
        return this;
    }

    public @Nullable List<int[]> getBadWordsIds() {
        return badWordsIds;
    }

    public GenerationConfig setBadWordsIds(@Nullable List<int[]> v) {
        badWordsIds = v;
        return this;
    }

    public @Nullable Integer getForcedBosTokenId() {
        return forcedBosTokenId;
    }

    public GenerationConfig setForcedBosTokenId(@Nullable Integer v) {
        forcedBosTokenId = v;
        return this;
    }

    public int @Nullable [] getForcedEosTokenId() {
        return forcedEosTokenId;
    }

    public GenerationConfig setForcedEosTokenId(int @Nullable ... v) {
        forcedEosTokenId = v;
        return this;
    }

    public int @Nullable [] getEosTokenId() {
        return eosTokenId;
    }

    public GenerationConfig setEosTokenId(int @Nullable ... v) {
        eosTokenId = v;
        return this;
    }

    public @Nullable Integer getPadTokenId() {
        return padTokenId;
    }

    public GenerationConfig setPadTokenId(@Nullable Integer v) {
        padTokenId = v;
        return this;
    }

    public @Nullable Integer getBosTokenId() {
        return bosTokenId;
    }

    public GenerationConfig setBosTokenId(@Nullable Integer v) {
        bosTokenId = v;
        return this;
    }

    public @Nullable Integer getDecoderStartTokenId() {
        return decoderStartTokenId;
    }

    public GenerationConfig setDecoderStartTokenId(@Nullable Integer v) {
        decoderStartTokenId = v;
        return this;
    }

    public int getNumReturnSequences() {
        return numReturnSequences;
    }

    public GenerationConfig setNumReturnSequences(int v) {
        numReturnSequences = v;
        return this;
    }

    public boolean isDoSample() {
        return doSample;
    }

    public GenerationConfig setDoSample(boolean v) {
        doSample = v;
        return this;
    }
    /** {@code suppress_tokens}: ids that score -inf at every step, or null. */
    public int @Nullable [] getSuppressTokens() {
        return suppressTokens;
    }

    public GenerationConfig setSuppressTokens(int @Nullable ... v) {
        suppressTokens = v;
        return this;
    }
    /** {@code begin_suppress_tokens}: ids that score -inf for the first generated token, or null. */
    public int @Nullable [] getBeginSuppressTokens() {
        return beginSuppressTokens;
    }

    public GenerationConfig setBeginSuppressTokens(int @Nullable ... v) {
        beginSuppressTokens = v;
        return this;
    }

    public boolean isRenormalizeLogits() {
        return renormalizeLogits;
    }

    public GenerationConfig setRenormalizeLogits(boolean v) {
        renormalizeLogits = v;
        return this;
    }

    public boolean isRemoveInvalidValues() {
        return removeInvalidValues;
    }

    public GenerationConfig setRemoveInvalidValues(boolean v) {
        removeInvalidValues = v;
        return this;
    }
    /** {@code max_position_embeddings} from {@code config.json}, or null. Used to truncate inputs. */
    /** The words every output must contain (constrained beam search); null when unset. */
    public @Nullable ForceWords forceWords() {
        return forceWords;
    }

    /** Sets {@code force_words_ids}; null unsets it. */
    public GenerationConfig setForceWords(@Nullable ForceWords v) {
        forceWords = v;
        return this;
    }

    public @Nullable Integer getMaxPositionEmbeddings() {
        return maxPositionEmbeddings;
    }

    public GenerationConfig setMaxPositionEmbeddings(@Nullable Integer v) {
        maxPositionEmbeddings = v;
        return this;
    }

    /**
     * Every implemented setting by its transformers name, arrays written out, for comparing two
     * configs and for {@link #toString()}.
     */
    Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("max_length", String.valueOf(maxLength));
        m.put("max_new_tokens", String.valueOf(maxNewTokens));
        m.put("min_length", String.valueOf(minLength));
        m.put("min_new_tokens", String.valueOf(minNewTokens));
        m.put("num_beams", String.valueOf(numBeams));
        m.put("early_stopping", String.valueOf(earlyStopping));
        m.put("length_penalty", String.valueOf(lengthPenalty));
        m.put("no_repeat_ngram_size", String.valueOf(noRepeatNgramSize));
        m.put("repetition_penalty", String.valueOf(repetitionPenalty));
        m.put("bad_words_ids", badWordsIds == null ? "null" : Arrays.deepToString(badWordsIds.toArray()));
        m.put("forced_bos_token_id", String.valueOf(forcedBosTokenId));
        m.put("forced_eos_token_id", Arrays.toString(forcedEosTokenId));
        m.put("eos_token_id", Arrays.toString(eosTokenId));
        m.put("pad_token_id", String.valueOf(padTokenId));
        m.put("bos_token_id", String.valueOf(bosTokenId));
        m.put("decoder_start_token_id", String.valueOf(decoderStartTokenId));
        m.put("num_return_sequences", String.valueOf(numReturnSequences));
        m.put("do_sample", String.valueOf(doSample));
        m.put("suppress_tokens", Arrays.toString(suppressTokens));
        m.put("begin_suppress_tokens", Arrays.toString(beginSuppressTokens));
        m.put("renormalize_logits", String.valueOf(renormalizeLogits));
        m.put("remove_invalid_values", String.valueOf(removeInvalidValues));
        m.put("force_words_ids", String.valueOf(forceWords));
        return m;
    }

    @Override
    public String toString() {
        return "GenerationConfig" + settings();
    }
}
