package dev.briefs.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installed text-generation models of a models folder ({@code models/NAME/}), each loaded
 * once and shared by every thread of the job (ONNX Runtime sessions are thread-safe).
 */
public final class GenerationModels implements AutoCloseable {

    private final Path modelsDir;
    private final ModelDecorator decorator;
    private final Map<String, Seq2SeqGenerator> loaded = new ConcurrentHashMap<>();
    private final Map<String, TextGenerator> decorated = new ConcurrentHashMap<>();

    public GenerationModels(Path modelsDir) {
        this(modelsDir, ModelDecorator.NONE);
    }

    public GenerationModels(Path modelsDir, ModelDecorator decorator) {
        this.modelsDir = modelsDir;
        this.decorator = decorator;
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
                return Seq2SeqGenerator.load(folder(n));
            } catch (ModelLoadException e) {
                throw new ModelLoadException("model " + n + " cannot be loaded: " + e.getMessage()
                        + "; fetch it again with: java -jar target/briefs.jar models fetch " + n, e);
            }
        });
    }

    @Override
    public void close() {
        loaded.values().forEach(Seq2SeqGenerator::close);
        loaded.clear();
    }
}
