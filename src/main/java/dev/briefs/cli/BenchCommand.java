package dev.briefs.cli;

import dev.briefs.generate.Generation;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.Seq2SeqModel;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.optimum.Variant;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code briefs bench}: greedy-generation throughput of an ONNX model folder, per batch size and
 * with or without the decoder's key/value cache, and how much of the wall time is spent inside
 * ONNX Runtime's {@code run}.
 *
 * <p>Every sentence gets exactly {@code --max-new-tokens} tokens ({@code min_new_tokens} is set to
 * the same value, so EOS cannot stop a row early), which keeps token counts equal across modes.
 * Sentences are tokenized before timing; the timed wall clock covers {@link Generation#generate}
 * (search, logits processors, the backend's tensor building and copies, ORT).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures generation speed of a model folder: sentences/s, generated tokens/s,",
            "decoder step time at early and late positions, and the share of wall time inside",
            "ONNX Runtime's run, for each variant, batch size and with or without the key/value cache;",
            "then says which variant is the faster at each batch size."
        })
final class BenchCommand implements Callable<Integer> {

    /** Steps per position bucket for the early/late per-token times. */
    static final int BUCKET = 8;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "Model folder (Hugging Face / Optimum ONNX layout).")
    Path model;

    @Option(
            names = "--batch",
            split = ",",
            defaultValue = "1,8,32",
            paramLabel = "N[,N...]",
            description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(
            names = "--cache",
            split = ",",
            defaultValue = "on,off",
            paramLabel = "on|off[,...]",
            description = "Decoder key/value cache modes (default: ${DEFAULT-VALUE}).")
    List<String> cacheModes;

    @Option(
            names = "--sentences",
            defaultValue = "64",
            paramLabel = "N",
            description = "Source sentences (default: ${DEFAULT-VALUE}).")
    int sentences;

    @Option(
            names = "--max-new-tokens",
            defaultValue = "64",
            paramLabel = "N",
            description = "Tokens generated per sentence, EOS disabled until then (default: ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(
            names = "--variant",
            split = ",",
            paramLabel = "fp32|quantized|q4[,...]",
            description = {
                "ONNX graph variants to measure (default: fp32, what every command loads unless told);",
                "with several, such as fp32,q4,quantized, the report says which is faster at each batch size."
            })
    List<String> variants;

    @Option(
            names = "--beams",
            defaultValue = "1",
            paramLabel = "N",
            description =
                    "Beams per sentence: 1 is greedy, 4 the default of opus-mt and distilbart (default: ${DEFAULT-VALUE}).")
    int beams;

    @Option(
            names = "--optimization",
            paramLabel = "none|basic|extended|all",
            description = "ONNX Runtime graph optimisation level (default: ORT's, all).")
    String optimization;

    @Option(
            names = "--inter-op",
            defaultValue = "0",
            paramLabel = "N",
            description = "ONNX Runtime inter-op threads (default: 0, ORT's default).")
    int interOp;

    @Option(
            names = "--arena",
            defaultValue = "on",
            paramLabel = "on|off",
            description = "ONNX Runtime's CPU memory arena (default: ${DEFAULT-VALUE}).")
    String arena;

    @Option(
            names = "--prepacking",
            defaultValue = "on",
            paramLabel = "on|off",
            description = "ONNX Runtime's pre-packed copies of the weights (default: ${DEFAULT-VALUE}).")
    String prepacking;

    @Option(
            names = "--warmup",
            defaultValue = "1",
            paramLabel = "N",
            description = "Untimed batches before each measurement (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            description = "Source sentences, one per line (default: ../shared/" + BenchSentences.DEFAULT_CORPUS
                    + " if present, else a built-in list).")
    Path corpus;

    @Option(
            names = "--threads",
            defaultValue = "0",
            paramLabel = "N",
            description = "ONNX Runtime intra-op threads (default: 0, ORT's default).")
    int threads;

    @Option(
            names = "--force-words",
            paramLabel = "FILE",
            description = {
                "Also measures constrained beam search (force_words_ids), alternating with plain beam search in",
                "each configuration: one word a line, '|' between accepted forms, 'source => form|form' to force",
                "a line only on sentences holding a source term, # comments. Needs --beams 2 or more."
            })
    @Nullable
    Path forceWords;

    @Option(names = "--json", description = "Print the results as JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One measured configuration. */
    record Result(
            String variant,
            boolean cache,
            int batch,
            int beams,
            String search,
            int forcedSentences,
            int forcedHeld,
            int sentences,
            int batches,
            long generatedTokens,
            double wallS,
            double sentencesPerS,
            double tokensPerS,
            long decoderSteps,
            double meanStepMs,
            double earlyMsPerToken,
            double lateMsPerToken,
            double lateOverEarly,
            double encoderOrtS,
            double decoderOrtS,
            double ortShare,
            double javaShare) {}

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(model)) {
            throw new UsageException("model folder " + model + " does not exist");
        }
        if (sentences < 1 || maxNewTokens < 1 || beams < 1 || warmup < 0 || threads < 0 || interOp < 0) {
            throw new UsageException("--sentences, --max-new-tokens and --beams must be >= 1, --warmup, --threads and "
                    + "--inter-op >= 0");
        }
        OrtSessionSettings session;
        try {
            session = new OrtSessionSettings(
                    threads,
                    interOp,
                    optimization,
                    switch (arena.trim().toLowerCase(Locale.ROOT)) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new UsageException("--arena takes on or off: " + arena);
                    },
                    switch (prepacking.trim().toLowerCase(Locale.ROOT)) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new UsageException("--prepacking takes on or off: " + prepacking);
                    });
        } catch (IllegalArgumentException e) {
            throw new UsageException("--optimization: " + e.getMessage());
        }
        for (int b : batches) {
            if (b < 1) {
                throw new UsageException("batch sizes must be >= 1: " + b);
            }
        }
        List<Boolean> modes = new ArrayList<>();
        for (String m : cacheModes) {
            modes.add(
                    switch (m.trim().toLowerCase(Locale.ROOT)) {
                        case "on", "true", "yes" -> true;
                        case "off", "false", "no" -> false;
                        default -> throw new UsageException("--cache takes on and/or off: " + m);
                    });
        }
        ForceWordsFile wordsFile = null;
        if (forceWords != null) {
            if (beams <= 1) {
                throw new UsageException("--force-words needs beam search (transformers' constrained beam search"
                        + " refuses num_beams 1), and --beams is " + beams + ": give --beams 2 or more");
            }
            wordsFile = ForceWordsFile.read(forceWords);
        }
        List<Variant> toMeasure = variantsToMeasure();
        Source source = BenchSentences.read(corpus, sentences);
        err.printf(
                "bench: %d sentences from %s, %d new tokens each, beams %d, batches %s, cache %s, variants %s%n",
                source.lines().size(), source.name(), maxNewTokens, beams, batches, cacheModes, toMeasure);

        List<Result> results = new ArrayList<>();
        BenchForcedWords forced = null;
        for (Variant v : toMeasure) {
            for (boolean cache : modes) {
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                OnnxModelOptions options = OnnxModelOptions.defaults()
                        .withVariant(v)
                        .withCache(cache)
                        .withSession(session)
                        .withMeterRegistry(registry);
                try (Seq2SeqGenerator gen = Seq2SeqGenerator.load(model, options)) {
                    OnnxSeq2SeqModel m = gen.model();
                    String variantName = m.variant().id();
                    List<long[]> ids = new ArrayList<>();
                    for (String s : source.lines()) {
                        ids.add(gen.tokenize(s));
                    }
                    if (wordsFile != null) {
                        forced = BenchForcedWords.of(wordsFile, gen, source.lines());
                    }
                    GenerationConfig cfg = gen.defaultConfig()
                            .setNumBeams(beams)
                            .setMaxNewTokens(maxNewTokens)
                            .setMinNewTokens(maxNewTokens);
                    for (int batch : batches) {
                        err.printf("bench: %s, cache %s, batch %d ...%n", variantName, cache ? "on" : "off", batch);
                        err.flush();
                        int first = Math.min(batch, ids.size());
                        for (int w = 0; w < warmup; w++) {
                            runBatch(m, ids.subList(0, first), cfg);
                            if (forced != null) {
                                forced.run(m, ids, 0, first, cfg);
                            }
                        }
                        results.addAll(measure(m, gen, registry, ids, batch, cfg, variantName, cache, forced));
                    }
                } catch (ModelLoadException e) {
                    throw new UsageException(
                            e.getMessage()); // a variant the folder lacks: the message says how to get it
                }
            }
        }
        String variantName = toMeasure.stream().map(Variant::id).collect(Collectors.joining(","));
        List<Result> plain =
                results.stream().filter(r -> !r.search().equals(CONSTRAINED)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model.toString());
            doc.put("variant", variantName);
            doc.put("sentences", source.lines().size());
            doc.put("corpus", source.name());
            doc.put("max_new_tokens", maxNewTokens);
            doc.put("warmup_batches", warmup);
            doc.put("ort_intra_op_threads", threads);
            doc.put("ort_session", session.describe());
            doc.put("beams", beams);
            doc.put("faster_variant_by_batch", BenchTable.fasterVariant(plain));
            doc.put("night_choice", BenchTable.nightChoice(plain));
            if (forced != null) {
                doc.put("force_words", BenchForcedTable.json(forced, results));
            }
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("java", System.getProperty("java.version"));
            doc.put("results", results);
            ObjectMapper mapper = JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();
            out.println(mapper.writeValueAsString(doc));
        } else {
            new BenchTable(model, maxNewTokens, warmup, BUCKET)
                    .print(out, source, variantName, session, beams, results);
            if (forced != null) {
                BenchForcedTable.print(out, forced, source.lines().size(), results);
            }
        }
        return ExitCodes.OK;
    }

    record Source(String name, List<String> lines) {}

    /** The requested variants, or the default one: what the folder holds decides nothing (a missing one is an error). */
    private List<Variant> variantsToMeasure() {
        if (variants == null || variants.isEmpty()) {
            return List.of(Variant.DEFAULT);
        }
        List<Variant> out = new ArrayList<>();
        for (String v : variants) {
            Variant parsed = Variant.parse(v);
            if (!out.contains(parsed)) {
                out.add(parsed);
            }
        }
        return out;
    }

    static int[][] runBatch(Seq2SeqModel m, List<long[]> rows, GenerationConfig cfg) {
        int len = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        long pad = cfg.resolvePadTokenId();
        long[][] in = new long[rows.size()][len];
        long[][] mask = new long[rows.size()][len];
        for (int i = 0; i < rows.size(); i++) {
            long[] r = rows.get(i);
            for (int j = 0; j < len; j++) {
                in[i][j] = j < r.length ? r[j] : pad;
                mask[i][j] = j < r.length ? 1 : 0;
            }
        }
        return Generation.generate(m, in, mask, cfg.copy());
    }

    static double ortNanos(SimpleMeterRegistry reg, String graph) {
        double total = 0;
        for (Timer t : reg.find(OnnxSeq2SeqModel.RUN_TIMER).tag("graph", graph).timers()) {
            total += t.totalTime(TimeUnit.NANOSECONDS);
        }
        return total;
    }

    /** {@link Result#search()} of a constrained beam search measurement. */
    static final String CONSTRAINED = "constrained";

    /**
     * Measures plain beam search, and with {@code forced} constrained beam search too, over the same sentences:
     * the two take turns batch by batch, each going first in every other batch, so a burst of load from
     * elsewhere on the machine falls on both and their ratio holds when their absolute speeds do not.
     */
    List<Result> measure(
            OnnxSeq2SeqModel m,
            Seq2SeqGenerator gen,
            SimpleMeterRegistry reg,
            List<long[]> ids,
            int batch,
            GenerationConfig cfg,
            String variantName,
            boolean cache,
            @Nullable BenchForcedWords forced) {
        BenchTally plain = new BenchTally(m, maxNewTokens);
        BenchTally constrained = new BenchTally(m, maxNewTokens);
        for (int i = 0, turn = 0; i < ids.size(); i += batch, turn++) {
            int from = i;
            int to = Math.min(ids.size(), i + batch);
            if (forced != null && turn % 2 == 1) {
                constrained.add(reg, t -> forced.run(t, ids, from, to, cfg));
            }
            plain.add(reg, t -> runBatch(t, ids.subList(from, to), cfg));
            if (forced != null && turn % 2 == 0) {
                constrained.add(reg, t -> forced.run(t, ids, from, to, cfg));
            }
        }
        List<Result> out = new ArrayList<>();
        out.add(plain.result(
                gen,
                ids.size(),
                batch,
                beams,
                maxNewTokens,
                variantName,
                cache,
                forced,
                beams == 1 ? "greedy" : "beam"));
        if (forced != null) {
            out.add(constrained.result(
                    gen, ids.size(), batch, beams, maxNewTokens, variantName, cache, forced, CONSTRAINED));
        }
        return out;
    }

    static double perTokenMs(TimedSeq2SeqModel t, int from, int to) {
        long ns = 0;
        long rows = 0;
        for (int k = from; k <= to; k++) {
            ns += t.stepNs[k];
            rows += t.stepRows[k];
        }
        return rows == 0 ? 0 : ns / 1e6 / rows;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
