package dev.briefs.cli;

import dev.briefs.inference.onnx.OrtSessionSettings;
import dev.briefs.optimum.Variant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table {@code bench} prints, and its verdict on the faster variant. */
final class BenchTable {

    private final Path model;
    private final int maxNewTokens;
    private final int warmup;
    private final int bucket;

    BenchTable(Path model, int maxNewTokens, int warmup, int bucket) {
        this.model = model;
        this.maxNewTokens = maxNewTokens;
        this.warmup = warmup;
        this.bucket = bucket;
    }

    /**
     * The variant to load for a night, and why: each variant at the speed a night gets from it, fp32 at its
     * best batch size measured (its inputs share calls), the others at batch 1, since their inputs run one
     * per call ({@link Variant#inputsShareCalls()}). A variant measured without batch 1 that cannot share
     * calls is left out.
     */
    static String nightChoice(List<BenchCommand.Result> results) {
        boolean anyCache = results.stream().anyMatch(BenchCommand.Result::cache);
        Map<String, BenchCommand.Result> byVariant = new LinkedHashMap<>();
        for (BenchCommand.Result r : results) {
            boolean shares = Variant.parse(r.variant()).inputsShareCalls();
            if (r.cache() != anyCache || (!shares && r.batch() != 1)) {
                continue;
            }
            BenchCommand.Result b = byVariant.get(r.variant());
            if (b == null || r.tokensPerS() > b.tokensPerS()) {
                byVariant.put(r.variant(), r);
            }
        }
        List<BenchCommand.Result> ranked = byVariant.values().stream()
                .sorted(Comparator.comparingDouble(BenchCommand.Result::tokensPerS)
                        .reversed())
                .toList();
        if (ranked.isEmpty()) {
            return "nothing comparable measured (the variants that run one input per call need --batch 1)";
        }
        StringBuilder s = new StringBuilder(ranked.get(0).variant());
        String sep = " (";
        for (BenchCommand.Result r : ranked) {
            s.append(sep)
                    .append(String.format(
                            Locale.ROOT, "%s %.1f tok/s at batch %d", r.variant(), r.tokensPerS(), r.batch()));
            sep = "; ";
        }
        return s.append("; fp32 inputs share calls, the other variants' run one per call)")
                .toString();
    }

    /** Per batch size (cache on where measured), the variant with the most tokens per second and by how much. */
    static Map<Integer, String> fasterVariant(List<BenchCommand.Result> results) {
        Map<Integer, BenchCommand.Result> best = new LinkedHashMap<>();
        Map<Integer, BenchCommand.Result> other = new LinkedHashMap<>();
        boolean anyCache = results.stream().anyMatch(BenchCommand.Result::cache);
        for (BenchCommand.Result r : results) {
            if (r.cache() != anyCache) {
                continue;
            }
            BenchCommand.Result b = best.get(r.batch());
            if (b == null || r.tokensPerS() > b.tokensPerS()) {
                if (b != null) {
                    other.put(r.batch(), b);
                }
                best.put(r.batch(), r);
            } else if (!other.containsKey(r.batch())
                    || r.tokensPerS() > other.get(r.batch()).tokensPerS()) {
                other.put(r.batch(), r);
            }
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        best.forEach((batch, r) -> {
            BenchCommand.Result o = other.get(batch);
            out.put(
                    batch,
                    o == null
                            ? r.variant()
                            : String.format(
                                    Locale.ROOT,
                                    "%s (%.2fx %s)",
                                    r.variant(),
                                    r.tokensPerS() / Math.max(1e-9, o.tokensPerS()),
                                    o.variant()));
        });
        return out;
    }

    void print(
            PrintWriter out,
            BenchCommand.Source source,
            String variants,
            OrtSessionSettings session,
            int beams,
            List<BenchCommand.Result> results) {
        out.printf(
                "model %s, variants %s, %d sentences (%s), %d new tokens each (EOS off), %s, %d warm-up batch(es),%n",
                model,
                variants,
                source.lines().size(),
                source.name(),
                maxNewTokens,
                beams == 1 ? "greedy" : beams + " beams",
                warmup);
        out.printf(
                "%d cores, ONNX Runtime %s, Java %s%n",
                Runtime.getRuntime().availableProcessors(), session.describe(), System.getProperty("java.version"));
        out.println();
        String head = String.format(
                "%-9s %-5s %5s %8s %8s %9s %12s %12s %6s %6s %6s",
                "variant",
                "cache",
                "batch",
                "sent/s",
                "tok/s",
                "step ms",
                "ms/tok early",
                "ms/tok late",
                "late/e",
                "ORT %",
                "Java %");
        out.println(head);
        out.println("-".repeat(head.length()));
        for (BenchCommand.Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-9s %-5s %5d %8.2f %8.1f %9.2f %12.3f %12.3f %6.2f %6.1f %6.1f%n",
                    r.search().equals(BenchCommand.CONSTRAINED) ? r.variant() + "+fw" : r.variant(),
                    r.cache() ? "on" : "off",
                    r.batch(),
                    r.sentencesPerS(),
                    r.tokensPerS(),
                    r.meanStepMs(),
                    r.earlyMsPerToken(),
                    r.lateMsPerToken(),
                    r.lateOverEarly(),
                    100 * r.ortShare(),
                    100 * r.javaShare());
        }
        out.println();
        List<BenchCommand.Result> plain = results.stream()
                .filter(r -> !r.search().equals(BenchCommand.CONSTRAINED))
                .toList();
        Map<Integer, String> faster = fasterVariant(plain);
        if (plain.stream().map(BenchCommand.Result::variant).distinct().count() > 1) {
            faster.forEach((batch, verdict) -> out.printf("faster at batch %d: %s%n", batch, verdict));
            out.printf("for the night: %s%n", nightChoice(plain));
            out.println();
        }
        out.printf(
                "step ms: mean wall time of one decoder step (all rows of the batch). ms/tok: step time per row,%n"
                        + "early = steps 2-%d, late = steps %d-%d. ORT %%: share of wall time inside ONNX Runtime's run (encoder +%n"
                        + "decoder); Java %% = the rest (search, logits processing, tensor building and copies).%n",
                Math.min(1 + bucket, maxNewTokens), Math.max(2, maxNewTokens - bucket + 1), maxNewTokens);
    }
}
