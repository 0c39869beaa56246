package dev.briefs.inference.onnx;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtSession;
import dev.briefs.failure.Causes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One ONNX graph of a model folder, loaded by DJL's ONNX Runtime engine, with the names of its
 * inputs (the graph decides what it is fed) and, when timing, the timer of its runs.
 *
 * @param timer null when not timing
 */
record OnnxGraph(Path file, Model model, Block block, List<String> inputNames, Timer timer) {

    static final String PAST_PREFIX = "past_key_values";
    static final String PRESENT_PREFIX = "present";

    /** Name of the Micrometer timers of ORT runs (see {@link OnnxModelOptions#meterRegistry()}). */
    static final String RUN_TIMER = "briefs.onnx.run";

    /** Loads a graph; a missing or corrupt file is a clear load error naming it. */
    static OnnxGraph load(Path file, OrtSessionSettings settings, List<OnnxGraph> loaded) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "Missing ONNX graph");
        }
        Model model = Model.newInstance(file.getFileName().toString(), "OnnxRuntime");
        // ONNX Runtime's own options, whole: DJL's names cannot turn the arena off or pre-packing (OrtSessionSettings).
        try (OrtSession.SessionOptions options = settings.sessionOptions()) {
            model.load(file, null, Map.of("sessionOptions", options));
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new ModelLoadException(file, "Corrupt or unreadable ONNX graph (" + rootMessage(e) + ")", e);
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException(file, "Cannot load ONNX graph (" + rootMessage(e) + ")", e);
        }
        Block block = model.getBlock();
        OnnxGraph g = new OnnxGraph(
                file, model, block, new ArrayList<>(block.describeInput().keys()), null);
        loaded.add(g);
        return g;
    }

    OnnxGraph timedBy(MeterRegistry registry, String modelName, String graph) {
        return new OnnxGraph(
                file,
                model,
                block,
                inputNames,
                Timer.builder(RUN_TIMER)
                        .description("Time inside ONNX Runtime's run of one graph")
                        .tag("model", modelName)
                        .tag("graph", graph)
                        .register(registry));
    }

    /** The graph run, timed when a timer is set. */
    NDList run(NDManager mgr, NDList in) {
        if (timer == null) {
            return block.forward(new ParameterStore(mgr, false), in, false);
        }
        long t0 = System.nanoTime();
        try {
            return block.forward(new ParameterStore(mgr, false), in, false);
        } finally {
            timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }

    void requireInputs(String... names) {
        for (String n : names) {
            if (!inputNames.contains(n)) {
                throw new ModelLoadException(file, "ONNX graph lacks input '" + n + "' (has " + inputNames + ")");
            }
        }
    }

    void requirePastInputs() {
        if (inputNames.stream().noneMatch(n -> n.startsWith(PAST_PREFIX))) {
            throw new ModelLoadException(file, "ONNX graph has no past_key_values inputs (has " + inputNames + ")");
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = Causes.root(e);
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
