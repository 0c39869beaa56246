package dev.briefs.brief;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a file so that a reader, or a run restarted after a crash, sees either the old content
 * or the new, never half of it: the bytes go to a temporary file in the same folder, are forced
 * to disk, and the temporary file is renamed over the target.
 */
public final class AtomicFiles {

    /** Temporary files start with this, so that a folder scan can tell them from briefs. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /**
     * Deletes temporary files a killed process left in a folder. Only safe while no other process
     * writes there, which the job's run lock ensures.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .toList()) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        return removed;
    }

    /** @throws IOException naming the target, so that the operator knows which file and folder to look at */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, null);
    }

    /**
     * As {@link #write(Path, byte[])}, the file getting {@code permissions} where the file system has
     * POSIX permissions.
     *
     * @param permissions null for those of any new file of the process (the umask's)
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        try {
            writeAtomically(target, content, permissions);
        } catch (IOException e) {
            String reason =
                    e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
            throw new IOException("cannot write " + target.toAbsolutePath() + ": " + reason, e);
        }
    }

    private static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = null;
        FileChannel channel = null;
        // Not Files.createTempFile: its files are readable by their owner only, and the rename keeps
        // that, so a web server running as another user could not serve digest.html. A file created
        // here gets the permissions of any file the process writes (the umask decides).
        while (channel == null) {
            temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                // another writer's temporary file: draw another name
            }
        }
        try {
            try (FileChannel out = channel) {
                if (permissions != null
                        && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(temp, permissions);
                }
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
