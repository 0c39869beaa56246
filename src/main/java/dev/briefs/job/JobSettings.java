package dev.briefs.job;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.LanguageDetector;
import dev.briefs.batch.BatchSettings;
import dev.briefs.cache.CacheSettings;
import dev.briefs.optimum.UnknownVariantException;
import dev.briefs.optimum.Variant;
import dev.briefs.translate.ForcedRoute;
import dev.briefs.translate.Routes;
import dev.briefs.trust.CheckSettings;
import dev.briefs.inference.onnx.OrtSessionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one run needs to know, resolved from the job file, the command line and defaults:
 * the date is filled into the paths, and every number is checked.
 */
public record JobSettings(
        String jobName,
        Path jobFile,
        LocalDate date,
        Path input,
        Path output,
        Path data,
        List<String> languages,
        int maxWords,
        int chunkTokens,
        int commitInterval,
        int partitions,
        List<String> detectLanguages,
        long maxFileBytes,
        boolean linksMayLeaveInput,
        int skipLimit,
        int maxRetries,
        Duration retryDelay,
        Path modelsDir,
        Map<String, String> summariseModels,
        Map<String, String> translateModels,
        Map<String, ForcedRoute> translateRoutes,
        boolean autoFetch,
        String hubEndpoint,
        Variant variant,
        BatchSettings batch,
        OrtSessionSettings onnx,
        RepositorySettings repository,
        KafkaSettings kafka,
        CacheSettings cache,
        StorySettings stories,
        CheckSettings checks) {

    public static final int DEFAULT_MAX_WORDS = 80;
    /** No limit of the job's own: each model's position limit decides. */
    public static final int DEFAULT_CHUNK_TOKENS = Integer.MAX_VALUE;
    /** Articles per transaction, and so per gathering of model work: large enough for inputs of equal length to meet. */
    public static final int DEFAULT_COMMIT_INTERVAL = 64;
    public static final String EXTRACTIVE = "extractive";
    public static final int DEFAULT_MAX_RETRIES = 2;
    /**
     * Articles of a night that may fail alone before the night fails as a whole: a few malformed
     * articles are a normal night, hundreds mean a broken model or input feed that retrying each
     * article will not mend.
     */
    public static final int DEFAULT_SKIP_LIMIT = 100;
    public static final int DEFAULT_RETRY_DELAY_MS = 500;

    public JobSettings {
        languages = List.copyOf(languages);
        detectLanguages = List.copyOf(detectLanguages);
        translateModels = Map.copyOf(translateModels);
        translateRoutes = Map.copyOf(translateRoutes);
        summariseModels = Map.copyOf(summariseModels);
    }

    /** Resolves a job file against a date and the command line's overrides (either may be null). */
    public static JobSettings resolve(Path jobFilePath, JobFile file, LocalDate date, Path inputOverride, Path outputOverride) {
        String where = jobFilePath.toString();
        String dateText = date.toString();
        Path input = inputOverride != null ? inputOverride : path(require(file.input(), "input", where), dateText);
        Path output = outputOverride != null ? outputOverride : path(require(file.output(), "output", where), dateText);
        Path data = path(file.data() != null ? file.data() : "data", dateText);
        List<String> languages = file.languages() != null ? file.languages() : List.of("uk", "en");
        if (languages.isEmpty()) {
            throw new JobFileException(where + ": 'languages' is empty; list the brief languages, e.g. [uk, en]");
        }
        for (String lang : languages) {
            if (lang == null || !lang.matches("[a-z]{2,3}")) {
                throw new JobFileException(where + ": language '" + lang + "' in 'languages' is not an ISO 639-1 code such as uk or en");
            }
        }
        int maxWords = positive(file.brief() != null ? file.brief().maxWords() : null, DEFAULT_MAX_WORDS, "brief.max-words", where);
        int chunkTokens = positive(file.chunk() != null ? file.chunk().maxTokens() : null, DEFAULT_CHUNK_TOKENS, "chunk.max-tokens", where);
        if (chunkTokens < 8) {
            throw new JobFileException(where + ": chunk.max-tokens must be at least 8, is " + chunkTokens);
        }
        int commitInterval = positive(file.commitInterval(), DEFAULT_COMMIT_INTERVAL, "commit-interval", where);
        int partitions = positive(file.partitions(), Runtime.getRuntime().availableProcessors(), "partitions", where);
        List<String> detect = file.detectLanguages() != null ? file.detectLanguages() : LanguageDetector.DEFAULT_LANGUAGES;
        long maxFileBytes = file.maxFileBytes() != null ? file.maxFileBytes() : ArticleFileReader.DEFAULT_MAX_FILE_BYTES;
        if (maxFileBytes <= 0) {
            throw new JobFileException(where + ": max-file-bytes must be positive, is " + maxFileBytes);
        }
        boolean linksMayLeave = inputLinks(file.inputLinks(), where);
        int skipLimit = file.skipLimit() != null ? file.skipLimit() : DEFAULT_SKIP_LIMIT;
        if (skipLimit < 0) {
            throw new JobFileException(where + ": skip-limit must be 0 or more, is " + skipLimit);
        }
        JobFile.Retry retry = file.retry() != null ? file.retry() : new JobFile.Retry(null, null);
        int maxRetries = retry.maxRetries() != null ? retry.maxRetries() : DEFAULT_MAX_RETRIES;
        if (maxRetries < 0) {
            throw new JobFileException(where + ": retry.max-retries must be 0 or more, is " + maxRetries);
        }
        int delayMs = retry.delayMs() != null ? retry.delayMs() : DEFAULT_RETRY_DELAY_MS;
        if (delayMs < 0) {
            throw new JobFileException(where + ": retry.delay-ms must be 0 or more, is " + delayMs);
        }
        JobFile.Models models = file.models() != null ? file.models() : new JobFile.Models(null, null, null, null, null, null, null);
        Variant variant = variant(models.variant(), where);
        BatchSettings batch = batch(file.batch(), where);
        OrtSessionSettings onnx = onnx(file.onnx(), where);
        Path modelsDir = Path.of(models.dir() != null ? models.dir() : "models");
        Map<String, String> summarise = new LinkedHashMap<>();
        if (models.summarise() != null) {
            models.summarise().forEach((lang, model) -> {
                if (!lang.matches("[a-z]{2,3}")) {
                    throw new JobFileException(where + ": models.summarise key '" + lang + "' is not a language code such as en");
                }
                if (model != null && !model.equals(EXTRACTIVE)) {
                    summarise.put(lang, modelName(model, "models.summarise." + lang, where));
                }
            });
        }
        Map<String, String> translate = models.translate() != null ? models.translate() : Map.of();
        translate.forEach((pair, model) -> {
            if (!pair.matches("[a-z]{2,3}-[a-z]{2,3}")) {
                throw new JobFileException(where + ": models.translate key '" + pair + "' is not a language pair such as en-uk");
            }
            modelName(model, "models.translate." + pair, where);
        });
        Map<String, ForcedRoute> routes = RouteSettings.parse(models.routes(), where);
        RepositorySettings repository = RepositorySettings.resolve(file.repository(), data, System.getenv());
        return new JobSettings(file.name() != null ? file.name() : "nightly", jobFilePath, date, input, output, data,
                languages, maxWords, chunkTokens, commitInterval, partitions, detect, maxFileBytes, linksMayLeave, skipLimit, maxRetries,
                Duration.ofMillis(delayMs), modelsDir,
                summarise, translate, routes, Boolean.TRUE.equals(models.autoFetch()), models.endpoint(), variant, batch, onnx,
                repository, KafkaSettings.resolve(file.kafka(), repository, System.getenv(), where), cache(file.cache(), where),
                StorySettings.resolve(file.stories(), where), CheckBlock.resolve(file.checks(), where));
    }

    private static CacheSettings cache(JobFile.Cache c, String where) {
        if (c == null) {
            return CacheSettings.DEFAULTS;
        }
        int days = positive(c.maxAgeDays(), CacheSettings.DEFAULT_MAX_AGE_DAYS, "cache.max-age-days", where);
        return new CacheSettings(c.enabled() == null || c.enabled(), Duration.ofDays(days));
    }

    /** {@code inside} (the default): symbolic links may lead only to files in the input folder; {@code follow}: anywhere. */
    private static boolean inputLinks(String text, String where) {
        if (text == null || text.equals("inside")) {
            return false;
        }
        if (text.equals("follow")) {
            return true;
        }
        throw new JobFileException(where + ": input-links '" + text + "' is not inside or follow");
    }

    /** The graphs a job file's night loads: its {@code models.variant}, else the default ({@code models list --job}). */
    public static Variant variantOf(Path jobFilePath, JobFile file) {
        return variant(file.models() != null ? file.models().variant() : null, jobFilePath.toString());
    }

    /** {@code models.variant}, read as every command reads {@code --variant}; {@link Variant#DEFAULT} when absent. */
    private static Variant variant(String text, String where) {
        if (text == null) {
            return Variant.DEFAULT;
        }
        Variant v;
        try {
            v = Variant.parse(text);
        } catch (UnknownVariantException e) {
            throw new JobFileException(where + ": models.variant: " + e.getMessage());
        }
        return loadable(v, where + ": models.variant");
    }

    /** fp16 graphs can be fetched but not run: say so before the night starts, not when its first model loads. */
    private static Variant loadable(Variant v, String what) {
        if (v == Variant.FP16) {
            throw new JobFileException(what + " 'fp16' cannot be loaded (DJL's ONNX Runtime engine has no float16 "
                    + "tensors); use fp32 or quantized");
        }
        return v;
    }

    private static BatchSettings batch(JobFile.Batch b, String where) {
        if (b == null) {
            return BatchSettings.DEFAULTS;
        }
        BatchSettings d = BatchSettings.DEFAULTS;
        return new BatchSettings(positive(b.maxRows(), d.maxRows(), "batch.max-rows", where),
                positive(b.maxTokens(), d.maxTokens(), "batch.max-tokens", where),
                positive(b.lengthBucket(), d.lengthBucket(), "batch.length-bucket", where));
    }

    private static OrtSessionSettings onnx(JobFile.Onnx o, String where) {
        if (o == null) {
            return OrtSessionSettings.DEFAULTS;
        }
        int intra = o.intraOpThreads() != null ? o.intraOpThreads() : 0;
        int inter = o.interOpThreads() != null ? o.interOpThreads() : 0;
        if (intra < 0 || inter < 0) {
            throw new JobFileException(where + ": onnx.intra-op-threads and onnx.inter-op-threads must be 0 (ONNX Runtime's"
                    + " default) or more");
        }
        try {
            return new OrtSessionSettings(intra, inter, o.optimization(), o.memoryArena() == null || o.memoryArena());
        } catch (IllegalArgumentException e) {
            throw new JobFileException(where + ": onnx.optimization: " + e.getMessage());
        }
    }

    /** Model names become folder names under the models folder, so they must be plain names. */
    static String modelName(String name, String setting, String where) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.contains("..")) {
            throw new JobFileException(where + ": " + setting + " '" + name + "' is not a model name such as opus-mt-en-uk");
        }
        return name;
    }

    /** The same settings on other folders: those a date's run record holds. */
    public JobSettings withFolders(Path input, Path output) {
        return new JobSettings(jobName, jobFile, date, input, output, data, languages, maxWords, chunkTokens, commitInterval,
                partitions, detectLanguages, maxFileBytes, linksMayLeaveInput, skipLimit, maxRetries, retryDelay, modelsDir, summariseModels,
                translateModels, translateRoutes, autoFetch, hubEndpoint, variant, batch, onnx, repository, kafka, cache,
                stories, checks);
    }

    /** Every model the job file names, for the preflight. */
    public Set<String> namedModels() {
        Set<String> names = new TreeSet<>(translateModels.values());
        names.addAll(summariseModels.values());
        names.addAll(Routes.forcedModels(translateRoutes));
        return names;
    }

    private static String require(String value, String name, String where) {
        if (value == null || value.isBlank()) {
            throw new JobFileException(where + ": '" + name + "' is missing; set it in the job file or pass --" + name);
        }
        return value;
    }

    private static Path path(String template, String date) {
        return Path.of(template.replace("{date}", date));
    }

    private static int positive(Integer value, int fallback, String name, String where) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new JobFileException(where + ": " + name + " must be a positive number, is " + value);
        }
        return value;
    }
}
