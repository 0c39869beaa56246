package dev.briefs.model.hub;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads a small body (a listing's JSON, an error's text) into memory, up to a limit, touching the read watch. */
final class MemorySink implements BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final ReadWatch watch;
    private final long limit;
    private Flow.Subscription sub;

    MemorySink(ReadWatch watch, long limit) {
        this.watch = watch;
        this.limit = limit;
        watch.touch();
        watch.aborter = this::abort;
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
        for (ByteBuffer bb : items) {
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            buf.write(b, 0, b.length);
        }
        watch.touch();
        if (buf.size() > limit) {
            sub.cancel();
            result.completeExceptionally(ModelException.failure("hub answer larger than " + limit + " bytes"));
            return;
        }
        sub.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public synchronized void onComplete() {
        result.complete(buf.toByteArray());
    }

    synchronized void abort() {
        if (sub != null) {
            sub.cancel();
        }
        result.completeExceptionally(new HttpTimeoutException("read timeout"));
    }
}
