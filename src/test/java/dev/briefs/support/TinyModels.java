package dev.briefs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The tiny random-weight models made by {@code tools/fixtures/make_tiny_models.py}, in the hub's
 * ONNX layout, installed into a test's models folder under the names the job file uses.
 */
public final class TinyModels {

    public static final Path FIXTURES = Path.of("src/test/resources/models");

    private TinyModels() {}

    public static Path install(String fixture, Path modelsDir, String name) {
        Path target = modelsDir.resolve(name);
        try (Stream<Path> files = Files.walk(FIXTURES.resolve(fixture))) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(
                        FIXTURES.resolve(fixture).relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
