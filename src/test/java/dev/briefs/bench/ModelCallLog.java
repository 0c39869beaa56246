package dev.briefs.bench;

import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps every generation model of a benchmark night: writes each model input to {@code calls.jsonl}
 * (what the Python side replays) and adds up, per model, the wall time of its calls, the inputs and
 * the generated tokens. Calls go through unchanged, batched as the job batches them.
 */
public final class ModelCallLog implements ModelDecorator, AutoCloseable {

    /** One model's totals. */
    public record Totals(long calls, long inputs, long generatedTokens, double seconds) {}

    private final BufferedWriter out;
    private final Map<String, String> tasks;
    private final Map<String, LongAdder[]> totals = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param tasks model name to its task, {@code summarization} or {@code translation} */
    public ModelCallLog(Path callsFile, Map<String, String> tasks) throws IOException {
        this.out = Files.newBufferedWriter(callsFile, StandardCharsets.UTF_8);
        this.tasks = Map.copyOf(tasks);
    }

    @Override
    public TextGenerator decorate(String name, TextGenerator real) {
        return new ForwardingTextGenerator(real) {
            @Override
            public Seq2SeqGenerator.Result generate(String text) {
                long t0 = System.nanoTime();
                Seq2SeqGenerator.Result r = delegate.generate(text);
                record(name, List.of(text), List.of(r), System.nanoTime() - t0);
                return r;
            }

            @Override
            public Seq2SeqGenerator.Result generate(String text, String source, String target) {
                long t0 = System.nanoTime();
                Seq2SeqGenerator.Result r = delegate.generate(text, source, target);
                record(name, List.of(text), List.of(r), System.nanoTime() - t0);
                return r;
            }

            @Override
            public List<Seq2SeqGenerator.Result> generateBatch(
                    List<String> texts, String source, String target, int padTo) {
                long t0 = System.nanoTime();
                List<Seq2SeqGenerator.Result> results = delegate.generateBatch(texts, source, target, padTo);
                record(name, texts, results, System.nanoTime() - t0);
                return results;
            }
        };
    }

    private void record(String model, List<String> texts, List<Seq2SeqGenerator.Result> results, long nanos) {
        LongAdder[] t = totals.computeIfAbsent(
                model, m -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()});
        t[0].increment();
        t[1].add(texts.size());
        for (Seq2SeqGenerator.Result r : results) {
            t[2].add(r.outputIds().length - 1); // the decoder start token is not generated
        }
        t[3].add(nanos);
        synchronized (out) {
            try {
                for (String text : texts) {
                    out.write(JSON.writeValueAsString(
                            Map.of("model", model, "task", tasks.getOrDefault(model, "unknown"), "text", text)));
                    out.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Per model, in the order they were first called. */
    public Map<String, Totals> totals() {
        Map<String, Totals> out = new LinkedHashMap<>();
        totals.forEach((m, t) -> out.put(m, new Totals(t[0].sum(), t[1].sum(), t[2].sum(), t[3].sum() / 1e9)));
        return out;
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
