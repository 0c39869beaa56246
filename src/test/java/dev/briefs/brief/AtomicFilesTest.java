package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day's files are written atomically and come out as any file the process writes: a web
 * server running as another user can serve digest.html where the umask lets it read files.
 */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenAtomicallyHasThePermissionsOfAnyNewFileAndNoTemporaryFileStays() throws IOException {
        assumeTrue(
                Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "the file system has no POSIX permissions");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");

        AtomicFiles.write(dir.resolve("digest.html"), "<p>day</p>".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("digest.html"), "<p>again</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.getPosixFilePermissions(dir.resolve("digest.html")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.readString(dir.resolve("digest.html"))).isEqualTo("<p>again</p>");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("plain.txt", "digest.html");
        }
    }

    @Test
    void permissionsAskedForAreGiven() throws IOException {
        assumeTrue(
                Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "the file system has no POSIX permissions");

        AtomicFiles.write(
                dir.resolve("briefs.prom"),
                "x 1\n".getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-r-----"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("briefs.prom"))))
                .isEqualTo("rw-r-----");
    }
}
