package dev.briefs.model.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Streams a download's body into a file, hashing as it goes. A body that grows past the announced
 * size is cut off and its file deleted: the hub's listing is the contract, not the stream.
 */
final class FileSink implements BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final FileChannel channel;
    private final MessageDigest digest;
    private final long limit;
    private final long base;
    private final Path dest;
    private final String label;
    private final TransferProgress.Transfer progress;
    private final ReadWatch watch;
    private Flow.Subscription sub;
    private long written;

    FileSink(
            String label,
            Path dest,
            boolean append,
            MessageDigest digest,
            long expectedTotal,
            TransferProgress.Transfer progress,
            ReadWatch watch) {
        try {
            this.channel = append
                    ? FileChannel.open(dest, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    : FileChannel.open(
                            dest,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
            this.base = append ? channel.size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.dest = dest;
        this.label = label;
        this.digest = digest;
        this.limit = expectedTotal;
        this.progress = progress;
        this.watch = watch;
        watch.touch();
        watch.aborter = this::abort;
    }

    long written() {
        return written;
    }

    byte[] digest() {
        return digest.digest();
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        sub = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer bb : items) {
                int n = bb.remaining();
                if (limit >= 0 && base + written + n > limit) {
                    closeQuietly();
                    Files.deleteIfExists(dest);
                    throw new IntegrityException(label, "size", limit + " bytes", "more than that");
                }
                digest.update(bb.duplicate());
                while (bb.hasRemaining()) {
                    channel.write(bb);
                }
                written += n;
                progress.advance(n);
            }
            watch.touch();
            sub.request(1);
        } catch (IOException | RuntimeException e) {
            sub.cancel();
            fail(e instanceof IOException io ? new UncheckedIOException(io) : e);
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        fail(t);
    }

    @Override
    public synchronized void onComplete() {
        try {
            channel.force(false);
            channel.close();
            result.complete(new byte[0]);
        } catch (IOException e) {
            fail(new UncheckedIOException(e));
        }
    }

    synchronized void abort() {
        if (sub != null) {
            sub.cancel();
        }
        fail(new HttpTimeoutException("read timeout"));
    }

    private void fail(Throwable t) {
        closeQuietly();
        result.completeExceptionally(t);
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
