package dev.briefs.bench;

import dev.briefs.cli.ExitCodes;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.optimum.Variant;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole-night benchmark: the whole job over a night of articles made from the shared corpus,
 * with the three catalog models installed in a folder: articles per minute, model time per stage,
 * resident memory over the night. It also writes every model input to {@code calls.jsonl}, which
 * {@code tools/bench/night_transformers.py} replays with the transformers pipelines for the ratio.
 *
 * <p>A benchmark for the project's own figures (docs/performance.md), not something an operator runs,
 * so it lives with the tests and stays out of the product's jar; {@code tools/bench/night.sh} runs it,
 * or by hand:
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.briefs.bench.NightBench --models /work/bench-models --length-bucket 1"
 * </pre>
 */
@Command(
        name = "bench-night",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark a whole night: the nightly job over generated articles, with real-size models.",
            "",
            "Makes --articles articles (English and Ukrainian by turns) from the shared corpus, runs the",
            "nightly job on them with opus-mt-en-uk, opus-mt-uk-en and distilbart-cnn-6-6 from --models, and",
            "reports articles per minute, model time per stage and resident memory (RSS) over the night.",
            "Writes WORK/bench-night.json and WORK/calls.jsonl (every model input, for tools/bench/night.sh)."
        })
public final class NightBench implements Callable<Integer> {

    private static final String DATE = "2026-11-20";
    private static final String MARKER = ".bench-night";

    @Option(
            names = "--models",
            required = true,
            paramLabel = "DIR",
            description =
                    "Folder with opus-mt-en-uk, opus-mt-uk-en and distilbart-cnn-6-6 (tools/fixtures/make_tiny_models.py --full-size).")
    Path models;

    @Option(
            names = "--corpus",
            defaultValue = "../shared/corpus",
            paramLabel = "DIR",
            description = "The shared corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(
            names = "--articles",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Articles in the night (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(
            names = "--work",
            defaultValue = "out/bench-night",
            paramLabel = "DIR",
            description = "Working folder, emptied first (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(
            names = "--variant",
            paramLabel = "fp32|quantized",
            description = "models.variant of the night's job file (default: fp32, the night's own default).")
    String variant;

    @Option(
            names = "--max-rows",
            defaultValue = "16",
            paramLabel = "N",
            description = "batch.max-rows (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(
            names = "--length-bucket",
            defaultValue = "32",
            paramLabel = "N",
            description = "batch.length-bucket (default: ${DEFAULT-VALUE}).")
    int lengthBucket;

    @Option(
            names = "--max-call-mib",
            defaultValue = "1024",
            paramLabel = "MIB",
            description =
                    "batch.max-call-mib: what one model call may hold, by the model's estimate (default: ${DEFAULT-VALUE}).")
    int maxCallMib;

    @Option(
            names = "--commit-interval",
            defaultValue = "64",
            paramLabel = "N",
            description = "Articles per chunk (default: ${DEFAULT-VALUE}).")
    int commitInterval;

    @Option(
            names = "--plan-window",
            defaultValue = "1000",
            paramLabel = "N",
            description = "batch.plan-window: articles of a partition planned together; 0: no planning step "
                    + "(default: ${DEFAULT-VALUE}).")
    int planWindow;

    @Option(
            names = "--partitions",
            defaultValue = "2",
            paramLabel = "N",
            description = "Partitions run at once (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--threads",
            defaultValue = "0",
            paramLabel = "N",
            description = "ONNX Runtime intra-op threads (default: 0, ORT's default).")
    int threads;

    @Option(
            names = "--arena",
            defaultValue = "on",
            paramLabel = "on|off",
            description = "onnx.memory-arena: ONNX Runtime's CPU memory arena (default: ${DEFAULT-VALUE}).")
    String arena;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new NightBench());
        cli.setExecutionExceptionHandler(NightBench::handleFailure);
        // The job leaves threads of its own (ONNX Runtime, the repository's pool): exit, do not wait for them.
        System.exit(cli.execute(args));
    }

    /** A missing corpus or an unwritable folder is one line, as the product prints it; anything else its stack trace. */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IOException) {
            cli.getErr().println("bench-night: " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
        throw e;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        for (String m : new String[] {"opus-mt-en-uk", "opus-mt-uk-en", "distilbart-cnn-6-6"}) {
            if (!Files.isRegularFile(models.resolve(m).resolve("config.json"))) {
                throw usage("model folder " + models.resolve(m) + " is missing; make the benchmark models with: "
                        + "tools/fixtures/.venv/bin/python tools/fixtures/make_tiny_models.py --full-size " + models);
            }
        }
        if (articles < 1) {
            throw usage("--articles must be at least 1");
        }
        if (!arena.equals("on") && !arena.equals("off")) {
            throw usage("--arena takes on or off: " + arena);
        }
        variant = variantOrDefault().id(); // written into the job file as the night reads it
        deleteTree(work);
        Path input = work.resolve("in").resolve(DATE);
        Map<String, Integer> languages = NightArticles.write(corpus, articles, DATE, input);
        Path jobFile = work.resolve("job.yaml");
        Files.writeString(jobFile, jobFile(), StandardCharsets.UTF_8);
        JobSettings settings = JobSettings.resolve(jobFile, JobFiles.read(jobFile), LocalDate.parse(DATE), null, null);
        err.printf(
                "bench-night: %d articles %s, variant %s, batch max-rows %d, length-bucket %d, plan-window %d, "
                        + "max-call-mib %d, commit-interval %d, partitions %d%n",
                articles,
                languages,
                variant,
                maxRows,
                lengthBucket,
                planWindow,
                maxCallMib,
                commitInterval,
                partitions);
        err.flush();

        AtomicInteger written = new AtomicInteger();
        JobRunner.Outcome outcome;
        long t0;
        long cpu0;
        double wall;
        double cpu;
        String loadBefore;
        Map<String, ModelCallLog.Totals> totals;
        RssSampler rss;
        try (ModelCallLog calls = new ModelCallLog(
                work.resolve("calls.jsonl"),
                Map.of(
                        "distilbart-cnn-6-6",
                        "summarization",
                        "opus-mt-en-uk",
                        "translation",
                        "opus-mt-uk-en",
                        "translation"))) {
            rss = new RssSampler(written);
            loadBefore = loadAverage();
            cpu0 = processCpuNs();
            t0 = System.nanoTime();
            outcome = JobRunner.runNightly(
                    settings,
                    true,
                    brief -> {
                        int n = written.incrementAndGet();
                        if (n % 50 == 0) {
                            err.printf(
                                    "bench-night: %d articles, %.0f s, RSS %d MiB%n",
                                    n, (System.nanoTime() - t0) / 1e9, RssSampler.rssMib());
                            err.flush();
                        }
                    },
                    ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", calls));
            wall = (System.nanoTime() - t0) / 1e9;
            cpu = (processCpuNs() - cpu0) / 1e9;
            rss.close();
            totals = calls.totals();
        }
        if (outcome.status() != JobRunner.Status.COMPLETED) {
            err.println("bench-night: the job ended " + outcome.status() + "; see "
                    + settings.folders().output());
            return ExitCodes.JOB_FAILED;
        }
        Map<String, Object> report = report(settings, wall, written.get(), totals, rss);
        // On a shared machine wall time follows the neighbours; the process's CPU time per article much less so.
        report.put("cpu_s", round(cpu));
        report.put("cpu_s_per_article", round(cpu / Math.max(1, written.get())));
        report.put("loadavg_before", loadBefore);
        report.put("loadavg_after", loadAverage());
        Files.writeString(
                work.resolve("bench-night.json"),
                JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(report),
                StandardCharsets.UTF_8);
        print(spec.commandLine().getOut(), report, totals);
        return ExitCodes.OK;
    }

    /** CPU time of this process so far, all its threads, in nanoseconds. */
    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The first three fields of /proc/loadavg, or "?" where there is none. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The variant --variant names, else the one every command loads unless told. */
    private Variant variantOrDefault() {
        try {
            return variant == null ? Variant.DEFAULT : Variant.parse(variant);
        } catch (IllegalArgumentException e) {
            throw usage("--variant: " + e.getMessage());
        }
    }

    /** A mistake in the command line: picocli prints it with the usage, exit status 2. */
    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String jobFile() {
        return """
                name: bench-night
                input: %1$s/in/{date}
                output: %1$s/out/{date}
                data: %1$s/data
                languages: [uk, en]
                commit-interval: %2$d
                partitions: %3$d
                batch:
                  max-rows: %4$d
                  length-bucket: %5$d
                  plan-window: %10$d
                  max-call-mib: %11$d
                onnx:
                  intra-op-threads: %6$d
                  memory-arena: %9$s
                models:
                  dir: %7$s
                  variant: %8$s
                  summarise:
                    en: distilbart-cnn-6-6
                  translate:
                    en-uk: opus-mt-en-uk
                    uk-en: opus-mt-uk-en
                """.formatted(
                        work.toAbsolutePath(),
                        commitInterval,
                        partitions,
                        maxRows,
                        lengthBucket,
                        threads,
                        models.toAbsolutePath(),
                        variant,
                        arena.equals("on"),
                        planWindow,
                        maxCallMib);
    }

    private Map<String, Object> report(
            JobSettings settings, double wall, int written, Map<String, ModelCallLog.Totals> totals, RssSampler rss) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("articles", written);
        r.put("wall_s", round(wall));
        r.put("articles_per_minute", round(written / wall * 60));
        double summarise = totals.entrySet().stream()
                .filter(e -> e.getKey().startsWith("distilbart"))
                .mapToDouble(e -> e.getValue().seconds())
                .sum();
        double translate = totals.entrySet().stream()
                .filter(e -> e.getKey().startsWith("opus-mt"))
                .mapToDouble(e -> e.getValue().seconds())
                .sum();
        r.put("summarise_model_s", round(summarise));
        r.put("translate_model_s", round(translate));
        // Partitions run side by side, so their model times add up to more than the wall time:
        // the rest of the night is only its own figure with one partition.
        r.put("other_s", partitions == 1 ? round(wall - summarise - translate) : null);
        r.put("models", totals);
        r.put(
                "peak_rss_mib",
                rss.samples().stream()
                        .mapToLong(RssSampler.Sample::rssMib)
                        .max()
                        .orElse(-1));
        RssSampler.Sample at100 = rss.at(100);
        r.put("rss_at_100_articles_mib", at100 == null ? null : at100.rssMib());
        r.put(
                "rss_at_end_mib",
                rss.samples().isEmpty()
                        ? null
                        : rss.samples().get(rss.samples().size() - 1).rssMib());
        r.put("rss_over_time", rss.samples());
        r.put(
                "settings",
                Map.of(
                        "variant",
                        variant,
                        "max_rows",
                        maxRows,
                        "length_bucket",
                        lengthBucket,
                        "plan_window",
                        planWindow,
                        "commit_interval",
                        commitInterval,
                        "partitions",
                        partitions,
                        "intra_op_threads",
                        threads,
                        "onnx",
                        settings.onnx().describe()));
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        return r;
    }

    private static void print(PrintWriter out, Map<String, Object> r, Map<String, ModelCallLog.Totals> totals) {
        out.printf(
                Locale.ROOT,
                "%d articles in %.1f s: %.1f articles/min; CPU %.1f s (%.2f s an article); load average %s -> %s%n",
                (Integer) r.get("articles"),
                (Double) r.get("wall_s"),
                (Double) r.get("articles_per_minute"),
                (Double) r.get("cpu_s"),
                (Double) r.get("cpu_s_per_article"),
                r.get("loadavg_before"),
                r.get("loadavg_after"));
        out.printf(
                Locale.ROOT,
                "model time%s: summarise %.1f s, translate %.1f s%s%n",
                r.get("other_s") == null ? " (summed over the partitions' threads)" : "",
                (Double) r.get("summarise_model_s"),
                (Double) r.get("translate_model_s"),
                r.get("other_s") == null
                        ? ""
                        : String.format(Locale.ROOT, "; the rest %.1f s", (Double) r.get("other_s")));
        totals.forEach((m, t) -> out.printf(
                Locale.ROOT,
                "  %-20s %6d calls %7d inputs %9d tokens %8.1f s %8.1f tok/s%n",
                m,
                t.calls(),
                t.inputs(),
                t.generatedTokens(),
                t.seconds(),
                t.generatedTokens() / Math.max(1e-9, t.seconds())));
        out.printf(
                "RSS: peak %s MiB, at article 100 %s MiB, at the end %s MiB%n",
                r.get("peak_rss_mib"), r.get("rss_at_100_articles_mib"), r.get("rss_at_end_mib"));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Empties a working folder, but only one this command made: a mistyped --work must not lose anyone's files. */
    private void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(MARKER));
            return;
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(dir.resolve(MARKER))) {
            throw usage("--work " + dir + " is not empty and was not made by bench-night; give a new folder");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
        Files.createFile(dir.resolve(MARKER));
    }
}
