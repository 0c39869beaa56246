package dev.briefs.job.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A job file as written in {@code jobs/*.yaml}. Every setting has a default, so a job file names
 * only what it changes. Paths are relative to the working directory and may contain {@code {date}}.
 *
 * @param style the newsroom's style file (docs/style.md); absent: no house style
 */
public record JobFile(
        String name,
        String input,
        String output,
        String data,
        List<String> languages,
        Brief brief,
        Chunk chunk,
        @JsonProperty("commit-interval") Integer commitInterval,
        Integer partitions,
        @JsonProperty("compute-threads") Integer computeThreads,
        @JsonProperty("detect-languages") List<String> detectLanguages,
        @JsonProperty("max-file-bytes") Long maxFileBytes,
        @JsonProperty("max-file-articles") Integer maxFileArticles,
        @JsonProperty("max-html-depth") Integer maxHtmlDepth,
        @JsonProperty("max-day-articles") Integer maxDayArticles,
        @JsonProperty("input-links") String inputLinks,
        @JsonProperty("skip-limit") Integer skipLimit,
        Retry retry,
        Batch batch,
        Onnx onnx,
        Models models,
        Repository repository,
        Kafka kafka,
        Cache cache,
        Stories stories,
        Checks checks,
        String style) {

    public record Brief(@JsonProperty("max-words") Integer maxWords) {}

    public record Chunk(@JsonProperty("max-tokens") Integer maxTokens) {}

    /**
     * @param maxRetries times a model call that failed for a reason that may pass is tried again
     * @param delayMs    wait before the first retry; each later wait doubles
     */
    public record Retry(
            @JsonProperty("max-retries") Integer maxRetries,
            @JsonProperty("delay-ms") Integer delayMs) {}

    /**
     * @param maxRows      model inputs per call at most; 1 turns batching off
     * @param maxTokens    padded input tokens per call at most (rows times length)
     * @param lengthBucket inputs are padded to a multiple of this; 1 keeps outputs bit-identical to an unbatched run
     * @param planWindow   articles of a partition whose model work the planning step makes together; 0: no planning
     * @param maxCallMib   what one call may hold in memory at most, in MiB, by the model's estimate
     */
    public record Batch(
            @JsonProperty("max-rows") Integer maxRows,
            @JsonProperty("max-tokens") Integer maxTokens,
            @JsonProperty("length-bucket") Integer lengthBucket,
            @JsonProperty("plan-window") Integer planWindow,
            @JsonProperty("max-call-mib") Integer maxCallMib) {}

    /**
     * ONNX Runtime session settings; absent ones keep ONNX Runtime's defaults.
     *
     * @param optimization graph optimisation level: none, basic, extended, all
     * @param prepacking   false: no pre-packed copy of the weights (ONNX Runtime's {@code session.disable_prepacking})
     */
    public record Onnx(
            @JsonProperty("intra-op-threads") Integer intraOpThreads,
            @JsonProperty("inter-op-threads") Integer interOpThreads,
            String optimization,
            @JsonProperty("memory-arena") Boolean memoryArena,
            Boolean prepacking) {}

    /**
     * Model outputs kept in the job repository's database, so a rerun costs no model time.
     *
     * @param enabled    false: every output is made by its model
     * @param maxAgeDays outputs older than this are made again (and deleted at the start of a run)
     */
    public record Cache(
            Boolean enabled, @JsonProperty("max-age-days") Integer maxAgeDays) {}

    /**
     * The day's articles grouped by story before they are briefed (docs/stories.md).
     *
     * @param enabled               false: every article is a story of its own
     * @param threshold             the similarity at which all-MiniLM-L6-v2 joins two English articles
     * @param multilingualThreshold the same for the multilingual model, when it is installed
     */
    public record Stories(
            Boolean enabled,
            Double threshold,
            @JsonProperty("multilingual-threshold") Double multilingualThreshold) {}

    /**
     * The checks of each language brief and the thresholds below which it is doubtful (docs/fact-checks.md).
     *
     * @param enabled               false: nothing is checked (and the fact checker is never built)
     * @param minConfidence         mean log-probability per generated token below which a translation is doubtful
     * @param roundTrip             true: translate every translation back; false: none; absent: where a route back is installed
     * @param minRoundTripEmbedding all-MiniLM-L6-v2 cosine below which a round trip into English is doubtful
     * @param minRoundTripChrf      chrF2 (0 to 100) below which a round trip into another language is doubtful
     * @param doubtOn               the checks whose flags make a brief doubtful (numbers, names, negation; default all)
     */
    public record Checks(
            Boolean enabled,
            @JsonProperty("min-confidence") Double minConfidence,
            @JsonProperty("round-trip") Boolean roundTrip,
            @JsonProperty("min-round-trip-embedding") Double minRoundTripEmbedding,
            @JsonProperty("min-round-trip-chrf") Double minRoundTripChrf,
            @JsonProperty("doubt-on") List<String> doubtOn) {}

    /**
     * The job repository's database; absent: an H2 file under {@code data}. The password comes from
     * {@code SPRING_DATASOURCE_PASSWORD}, never from this file.
     *
     * @param url      JDBC URL, such as {@code jdbc:postgresql://db:5432/briefs}
     * @param username database user
     */
    public record Repository(String url, String username) {}

    /**
     * Scale-out: with a broker, {@code run} becomes a manager that sends the day's partitions to
     * {@code worker} processes over this topic; absent, partitions run as local threads.
     *
     * @param bootstrapServers  the brokers, such as {@code kafka-1:9092,kafka-2:9092}
     * @param topic             the topic of partition requests
     * @param group             the consumer group the workers share
     * @param topicPartitions   the topic's partitions when briefs creates it: at least the workers' threads in all
     * @param pollMs            how often the manager reads the partitions' progress from the job repository
     */
    public record Kafka(
            @JsonProperty("bootstrap-servers") String bootstrapServers,
            String topic,
            String group,
            @JsonProperty("topic-partitions") Integer topicPartitions,
            @JsonProperty("poll-ms") Integer pollMs,
            @JsonProperty("broker-wait-ms") Integer brokerWaitMs) {}

    /**
     * @param dir       where installed models live ({@code models/NAME/})
     * @param summarise summarisation model per language, such as {@code en: distilbart-cnn-6-6};
     *                  a language not listed, or listed as {@code extractive}, gets the bundled extractive summariser
     * @param translate model name per language pair, such as {@code en-uk: opus-mt-en-uk}
     * @param routes    a forced route per language pair: {@code direct}, {@code multilingual}, {@code pivot}, or the
     *                  models in order, such as {@code ru-uk: [opus-mt-ru-en, opus-mt-en-uk]}
     * @param autoFetch fetch models that are not installed before the run
     * @param endpoint  hub to fetch from (a mirror); {@code HF_ENDPOINT} or the Hugging Face hub when absent
     * @param variant   which ONNX graphs the job loads and fetches: fp32 or quantized
     */
    public record Models(
            String dir,
            String variant,
            Map<String, String> summarise,
            Map<String, String> translate,
            Map<String, Object> routes,
            @JsonProperty("auto-fetch") Boolean autoFetch,
            String endpoint) {}
}
