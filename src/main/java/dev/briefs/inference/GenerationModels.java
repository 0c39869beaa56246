package dev.briefs.inference;

import dev.briefs.inference.onnx.ModelConfigException;
import dev.briefs.inference.onnx.ModelLoadException;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.VariantNotInstalledException;
import dev.briefs.log.Invocation;
import dev.briefs.optimum.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed text-generation models of a models folder ({@code models/NAME/}), each loaded
 * once and shared by every thread of the job (ONNX Runtime sessions are thread-safe).
 */
public final class GenerationModels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationModels.class);

    private final Path modelsDir;
    private final ModelDecorator decorator;
    private final OnnxModelOptions options;
    private final Map<String, Seq2SeqGenerator> loaded = new ConcurrentHashMap<>();
    private final Map<String, TextGenerator> decorated = new ConcurrentHashMap<>();

    public GenerationModels(Path modelsDir) {
        this(modelsDir, ModelDecorator.NONE, OnnxModelOptions.defaults());
    }

    /**
     * @param options the graphs to load (variant) and their ONNX Runtime session settings
     */
    public GenerationModels(Path modelsDir, ModelDecorator decorator, OnnxModelOptions options) {
        this.modelsDir = modelsDir;
        this.decorator = decorator;
        this.options = options;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    public Path folder(String name) {
        return modelsDir.resolve(name);
    }

    /** A model counts as installed when its folder holds a {@code config.json}; whether it loads is checked by {@link #get}. */
    public boolean installed(String name) {
        return Files.isRegularFile(folder(name).resolve("config.json"));
    }

    /**
     * @throws ModelLoadException naming the model's file that is missing or corrupt
     */
    public TextGenerator get(String name) {
        return decorated.computeIfAbsent(name, n -> decorator.decorate(n, load(n)));
    }

    private Seq2SeqGenerator load(String name) {
        return loaded.computeIfAbsent(name, n -> {
            try {
                Seq2SeqGenerator g = Seq2SeqGenerator.load(folder(n), options);
                // The settings the graphs run with, not those asked for: int8 graphs always get one thread.
                LOG.info(
                        "model {} loaded: {} graphs, ONNX Runtime {}",
                        n,
                        g.model().variant().name().toLowerCase(Locale.ROOT),
                        g.model().sessionSettings().describeAsRun());
                return g;
            } catch (ModelConfigException e) {
                // Fetching the same files again would not help: the message names the key to change.
                throw new ModelConfigException(e.getFile(), "model " + n + " cannot be loaded: " + e.getMessage(), e);
            } catch (VariantNotInstalledException e) {
                // Its message names both fixes already: fetch the variant, or ask for the one installed.
                throw new ModelLoadException("model " + n + " cannot be loaded: " + e.getMessage(), e);
            } catch (ModelLoadException e) {
                // The job file chooses the variant; the fix must fetch that one.
                Variant variant = options.variant();
                String option = variant == Variant.DEFAULT ? "" : "--variant " + variant.id() + " ";
                throw new ModelLoadException(
                        "model " + n + " cannot be loaded: " + e.getMessage()
                                + "; fetch it again in the " + variant.id() + " variant the job loads"
                                + " with: " + Invocation.command("models fetch " + option + n),
                        e);
            }
        });
    }

    @Override
    public void close() {
        loaded.values().forEach(Seq2SeqGenerator::close);
        loaded.clear();
    }
}
