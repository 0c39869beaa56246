package dev.briefs.job.locks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One briefs process at a time per data folder, for the embedded H2 job repository. The embedded job database allows only one
 * process anyway; the lock makes a second run refuse cleanly, with who holds it, instead of
 * failing inside the database driver. The operating system releases the lock when the process
 * dies, even by kill -9, so a crash never leaves a stale lock behind, and while this lock is held
 * any execution the job repository still shows as running belongs to a process that is gone.
 */
public final class FileRunLock implements RunLock {

    static final String FILE = "briefs.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FileRunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @return the lock, or {@code null} when another process holds it */
    public static FileRunLock tryAcquire(Path dataDir, String what) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(
                dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + Instant.now() + " " + what + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return new FileRunLock(channel, lock);
    }

    /** Who holds the lock, as its holder wrote it (pid, start time, what it runs). */
    static String holder(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(FILE)).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
