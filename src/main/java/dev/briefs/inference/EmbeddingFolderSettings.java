package dev.briefs.inference;

import dev.briefs.inference.onnx.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What sentence-transformers would do with a model folder: the pooling of {@code 1_Pooling/config.json}
 * and the {@code max_seq_length} of {@code sentence_bert_config.json}. The hub's ONNX exports (Xenova's) carry
 * neither file; then the pooling is the mean, which is what every sentence-transformers model of the catalog
 * uses, and the caller's default length counts. A pooling this loader does not compute is refused by name
 * rather than replaced by another one.
 *
 * @param pooling   mean or first token
 * @param maxTokens tokens a text is cut to, special tokens included
 * @param source    where each setting came from, for people
 */
public record EmbeddingFolderSettings(Pooling pooling, int maxTokens, String source) {

    static final String POOLING_FILE = "1_Pooling/config.json";
    static final String SBERT_FILE = "sentence_bert_config.json";

    private static final Map<String, Pooling> MODES =
            Map.of("pooling_mode_mean_tokens", Pooling.MEAN, "pooling_mode_cls_token", Pooling.CLS);
    private static final List<String> UNSUPPORTED = List.of(
            "pooling_mode_max_tokens",
            "pooling_mode_mean_sqrt_len_tokens",
            "pooling_mode_weightedmean_tokens",
            "pooling_mode_lasttoken");

    public static EmbeddingFolderSettings read(Path dir, int defaultMaxTokens) {
        List<String> from = new ArrayList<>();
        Pooling pooling = Pooling.MEAN;
        JsonNode poolingConfig = json(dir.resolve(POOLING_FILE));
        if (poolingConfig != null) {
            pooling = pooling(poolingConfig, dir.resolve(POOLING_FILE));
            from.add("pooling from " + POOLING_FILE);
        } else {
            from.add("mean pooling (no " + POOLING_FILE + ")");
        }
        int maxTokens = defaultMaxTokens;
        JsonNode sbert = json(dir.resolve(SBERT_FILE));
        if (sbert != null && sbert.hasNonNull("max_seq_length")) {
            JsonNode length = sbert.get("max_seq_length");
            if (!length.canConvertToInt() || length.asInt() < 2) {
                throw new ModelLoadException(
                        dir.resolve(SBERT_FILE),
                        "max_seq_length must be a whole number of at " + "least 2, not " + length);
            }
            maxTokens = length.asInt();
            from.add("max_seq_length from " + SBERT_FILE);
        } else {
            // As sentence-transformers does without the file: never more than the model has positions for, or
            // a longer text would make ONNX Runtime refuse the call.
            int positions = positions(dir.resolve("config.json"));
            maxTokens = Math.min(defaultMaxTokens, positions);
            from.add("max " + maxTokens + " tokens (no " + SBERT_FILE
                    + (maxTokens < defaultMaxTokens ? "; the model's positions" : "") + ")");
        }
        return new EmbeddingFolderSettings(pooling, maxTokens, String.join(", ", from));
    }

    /** Positions a text may fill: max_position_embeddings, less the padding offset RoBERTa-style models start at. */
    private static int positions(Path file) {
        JsonNode config = json(file);
        if (config == null || !config.path("max_position_embeddings").canConvertToInt()) {
            return Integer.MAX_VALUE;
        }
        int positions = config.get("max_position_embeddings").asInt();
        String type = config.path("model_type").asString("");
        if (type.equals("roberta") || type.equals("xlm-roberta") || type.equals("camembert")) {
            positions -= config.path("pad_token_id").asInt(1) + 1;
        }
        return positions;
    }

    private static Pooling pooling(JsonNode config, Path file) {
        for (String mode : UNSUPPORTED) {
            if (config.path(mode).asBoolean(false)) {
                throw new ModelLoadException(file, mode + " is not supported (only mean or cls pooling)");
            }
        }
        List<Pooling> on = MODES.entrySet().stream()
                .filter(e -> config.path(e.getKey()).asBoolean(false))
                .map(Map.Entry::getValue)
                .toList();
        if (on.size() != 1) {
            throw new ModelLoadException(
                    file, "exactly one of pooling_mode_mean_tokens and pooling_mode_cls_token " + "must be true");
        }
        return on.get(0);
    }

    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JsonMapper.builder().build().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ModelLoadException(file, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
