package dev.briefs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a model folder's generation settings the way transformers 4.46.3 builds {@code
 * model.generation_config}, and refuses every setting that would change its output but is not
 * implemented here, instead of dropping it.
 *
 * <p>Which file: {@code generation_config.json} alone when it exists ({@code
 * GenerationConfig.from_pretrained}; nothing falls back to {@code config.json}, not even the special
 * token ids); otherwise the generation keys of {@code config.json} ({@code from_model_config}).
 * A {@code generation_config.json} marked {@code _from_model_config: true} may be swapped by 4.46.3's
 * {@code _prepare_generation_config} for one built from {@code config.json} whenever the two differ,
 * depending on the model class's own defaults; that case is refused unless both give the same
 * settings.
 *
 * <p>Every key falls in one of three groups: implemented ({@link GenerationConfig}), refused unless
 * set to its neutral value ({@link #REFUSED}), or ignored because it cannot change the generated
 * tokens ({@link #IGNORED}). Other keys of {@code generation_config.json} are ignored too: 4.46.3
 * keeps unknown keys as attributes that {@code generate()} never reads; other keys of {@code
 * config.json} describe the network.
 */
final class GenerationConfigFiles {

    private GenerationConfigFiles() {}

    /** A setting with no implementation here, allowed only at one of its neutral values. */
    private record Refusal(String effect, List<Object> neutral) {}

    private static final Map<String, Refusal> REFUSED = new LinkedHashMap<>();

    private static void refuse(String key, String effect, @Nullable Object... neutral) {
        REFUSED.put(key, new Refusal(effect, Arrays.asList(neutral)));
    }

    static {
        refuse("do_sample", "samples tokens at random (this engine does greedy and beam search only)", false);
        refuse("num_return_sequences", "returns several sequences per input", 1);
        refuse("num_beam_groups", "runs group (diverse) beam search", 1);
        refuse("diversity_penalty", "penalises tokens that other beam groups chose", 0);
        refuse("penalty_alpha", "runs contrastive search", (Object) null, 0);
        refuse("dola_layers", "runs DoLa decoding", (Object) null);
        refuse("encoder_repetition_penalty", "penalises tokens by whether the input holds them", 1);
        refuse("encoder_no_repeat_ngram_size", "bans n-grams of the input", 0);
        refuse("exponential_decay_length_penalty", "raises the end-of-sequence score as the output grows", (Object)
                null);
        refuse("sequence_bias", "adds biases to the scores of token sequences", (Object) null);
        refuse("guidance_scale", "runs classifier-free guidance", (Object) null, 1);
        // force_words_ids is implemented (ForceWords); constraints holds Python objects, which no JSON file can
        refuse("constraints", "runs constrained beam search with Constraint objects", (Object) null);
        refuse("forced_decoder_ids", "refuses to generate at all (it asks for decoder_input_ids instead)", (Object)
                null);
        refuse("watermarking_config", "watermarks the output", (Object) null);
        refuse("max_time", "stops after a wall-clock time, so the output depends on the machine", (Object) null);
        refuse("stop_strings", "stops at given strings", (Object) null);
        refuse("prompt_lookup_num_tokens", "runs prompt-lookup (assisted) decoding", (Object) null);
        refuse("token_healing", "rewrites the end of the prompt", false);
        refuse(
                "low_memory",
                "runs beam search one input at a time, whose float rounding differs",
                (Object) null,
                false);
        refuse("cache_implementation", "uses another key/value cache (static, quantized or offloaded)", (Object) null);
    }

    /**
     * Keys that cannot change the generated tokens here, so they are read by no one:
     * <ul>
     *   <li>sampling parameters: used only with {@code do_sample: true} (refused), {@code top_k} also by
     *       contrastive search ({@code penalty_alpha}, refused);
     *   <li>assistant parameters: used only with an assistant model, which no file can name; {@code
     *       max_matching_ngram_size} only with {@code prompt_lookup_num_tokens} (refused);
     *   <li>{@code use_cache}, {@code cache_config} (only with {@code cache_implementation}, refused) and
     *       {@code return_legacy_cache}: how the key/value cache is kept, not what it holds;
     *   <li>{@code output_*} and {@code return_dict_in_generate}: what {@code generate()} returns
     *       besides the tokens;
     *   <li>{@code generation_kwargs}: stored by 4.46.3 but never read by {@code generate()};
     *   <li>metadata: {@code transformers_version}, {@code _commit_hash}, {@code _original_object_hash}
     *       ({@code _from_model_config} is handled, see the class comment).
     * </ul>
     */
    static final Set<String> IGNORED = Set.of(
            "temperature",
            "top_k",
            "top_p",
            "min_p",
            "typical_p",
            "epsilon_cutoff",
            "eta_cutoff",
            "num_assistant_tokens",
            "num_assistant_tokens_schedule",
            "assistant_confidence_threshold",
            "max_matching_ngram_size",
            "use_cache",
            "cache_config",
            "return_legacy_cache",
            "output_attentions",
            "output_hidden_states",
            "output_scores",
            "output_logits",
            "return_dict_in_generate",
            "generation_kwargs",
            "transformers_version",
            "_commit_hash",
            "_original_object_hash",
            "_from_model_config");

    static GenerationConfig load(Path modelDir) {
        ObjectMapper mapper = new ObjectMapper();
        Path genFile = modelDir.resolve("generation_config.json");
        Path cfgFile = modelDir.resolve("config.json");
        JsonNode gen = readJson(mapper, genFile);
        JsonNode cfg = readJson(mapper, cfgFile);
        if (gen == null && cfg == null) {
            throw new UncheckedIOException(new IOException("Neither " + genFile + " nor " + cfgFile + " exists"));
        }
        GenerationConfig c = new GenerationConfig();
        if (gen != null) {
            apply(gen, genFile, c);
            if (cfg != null && gen.path("_from_model_config").asBoolean(false)) {
                checkSameAsModelConfig(c, genFile, cfg, cfgFile);
            }
        } else {
            apply(Objects.requireNonNull(cfg), cfgFile, c); // one of the two files was read
        }
        if (cfg != null
                && cfg.has("max_position_embeddings")
                && cfg.get("max_position_embeddings").isNumber()) {
            c.setMaxPositionEmbeddings(cfg.get("max_position_embeddings").intValue());
        }
        Path source = gen != null ? genFile : cfgFile;
        if (c.forceWords() != null && c.getNumBeams() <= 1) {
            throw new GenerationSettingException(
                    source,
                    "force_words_ids",
                    source.getFileName() + " of model folder " + modelDir + " sets force_words_ids with num_beams "
                            + c.getNumBeams() + ", with which transformers 4.46.3 refuses to generate (constrained beam"
                            + " search needs num_beams > 1); set num_beams to 2 or more in " + source
                            + " or remove force_words_ids");
        }
        if (c.getDecoderStartTokenId() == null && c.getBosTokenId() == null) {
            // transformers 4.46.3 raises the same at generate(); here the model does not load
            throw new GenerationSettingException(
                    source,
                    "decoder_start_token_id",
                    source.getFileName() + " of model folder "
                            + modelDir
                            + " sets neither decoder_start_token_id nor bos_token_id, so the decoder has no start token "
                            + "(transformers 4.46.3 refuses to generate too); add decoder_start_token_id to " + source);
        }
        return c;
    }

    private static @Nullable JsonNode readJson(ObjectMapper mapper, Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return mapper.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new UncheckedIOException(new IOException("Cannot parse " + file + ": " + e.getOriginalMessage(), e));
        }
    }

    private static void apply(JsonNode node, Path file, GenerationConfig c) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            Refusal refusal = REFUSED.get(key);
            if (refusal != null && !neutral(value, refusal)) {
                throw refused(file, key, value, refusal);
            }
            if (GenerationConfig.KNOWN_KEYS.contains(key)) {
                try {
                    c.set(key, toJava(value));
                } catch (RuntimeException ex) {
                    throw new GenerationSettingException(
                            file,
                            key,
                            file.getFileName() + " of model folder " + file.getParent()
                                    + " sets " + key + ": " + value + ", which is not a valid value (" + ex.getMessage()
                                    + "); correct it or remove " + key + " from " + file);
                }
            }
        }
    }

    private static boolean neutral(JsonNode value, Refusal r) {
        for (Object n : r.neutral()) {
            if (value == null || value.isNull()
                    ? n == null
                    : n instanceof Boolean b
                            ? value.isBoolean() && value.booleanValue() == b
                            : n instanceof Number x && value.isNumber() && value.doubleValue() == x.doubleValue()) {
                return true;
            }
        }
        // null is transformers' "unset" for every refused key whose default is a value
        return value == null || value.isNull();
    }

    private static GenerationSettingException refused(Path file, String key, JsonNode value, Refusal r) {
        Object first = r.neutral().get(0);
        String fix = first == null
                ? "remove " + key + " from " + file
                : "remove " + key + " from " + file + " or set it to " + first;
        return new GenerationSettingException(
                file,
                key,
                file.getFileName() + " of model folder " + file.getParent()
                        + " sets " + key + ": " + value + ", with which transformers 4.46.3 " + r.effect()
                        + "; this engine does not implement it and will not ignore it: " + fix);
    }

    /**
     * A {@code generation_config.json} marked {@code _from_model_config} is replaced by 4.46.3 with the
     * settings of {@code config.json} when the two differ (and the model class's defaults say so):
     * only agreeing files are exact either way.
     */
    private static void checkSameAsModelConfig(GenerationConfig fromFile, Path genFile, JsonNode cfg, Path cfgFile) {
        GenerationConfig fromModel = new GenerationConfig();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : cfg.properties()) {
            Refusal refusal = REFUSED.get(e.getKey());
            if (refusal != null && !neutral(e.getValue(), refusal)) {
                differences.add(e.getKey());
            } else if (GenerationConfig.KNOWN_KEYS.contains(e.getKey())) {
                try {
                    fromModel.set(e.getKey(), toJava(e.getValue()));
                } catch (RuntimeException ex) {
                    differences.add(e.getKey());
                }
            }
        }
        Map<String, String> a = fromFile.settings();
        Map<String, String> b = fromModel.settings();
        for (String key : a.keySet()) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                differences.add(key + " (" + a.get(key) + " here, " + b.get(key) + " in config.json)");
            }
        }
        if (!differences.isEmpty()) {
            throw new GenerationSettingException(
                    genFile,
                    "_from_model_config",
                    genFile.getFileName() + " of model folder "
                            + genFile.getParent() + " is marked _from_model_config: true but differs from "
                            + cfgFile.getFileName()
                            + " in " + String.join(", ", differences)
                            + ", so transformers 4.46.3 may generate with either file's "
                            + "settings; make the two files agree, or remove _from_model_config from " + genFile);
        }
    }

    static @Nullable Object toJava(@Nullable JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isString()) {
            return n.stringValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode x : n) {
                list.add(toJava(x));
            }
            return list;
        }
        return n.toString();
    }
}
