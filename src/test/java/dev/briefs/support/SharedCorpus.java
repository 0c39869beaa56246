package dev.briefs.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test corpus beside the repository ({@code ../shared/corpus}). A user's clone does
 * not have it, so tests that need it skip themselves with a message; CI always has it.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("briefs.shared", "../shared")).resolve("corpus");
        assumeTrue(Files.isDirectory(dir), "skipped: the shared corpus " + dir.toAbsolutePath().normalize()
                + " is not here (it sits beside the repository in CI; a user's clone has none)");
        return dir;
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is missing from the shared corpus");
        return file;
    }
}
