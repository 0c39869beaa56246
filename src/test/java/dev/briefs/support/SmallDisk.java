package dev.briefs.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small real file system (a tmpfs, mounted by the test as root) for the faults of a full disk. Where the test
 * does not run as root, or mount(8) is missing, it is skipped with the reason.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Skips the calling test where no tmpfs can be mounted: before it spends time on what comes first. */
    public static void assumeMountable() {
        assumeTrue(
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/bin/mount")),
                "needs root and mount(8) to make a small tmpfs; as root this runs");
    }

    /** A tmpfs of {@code bytes} mounted on {@code dir} (made when missing). */
    public static SmallDisk mount(Path dir, long bytes) throws IOException, InterruptedException {
        assumeMountable();
        Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "briefs-test", dir.toString());
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes to {@code file} until the file system has about {@code free} bytes left. */
    public void fill(Path file, long free) throws IOException {
        long toWrite = Files.getFileStore(dir).getUsableSpace() - free;
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < toWrite; written += block.length) {
                out.write(block);
            }
        }
    }

    /** Writes to {@code file} until the file system refuses another byte; returns how many were written. */
    public long fillUp(Path file) throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left on device");
        }
        return written;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", dir.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
