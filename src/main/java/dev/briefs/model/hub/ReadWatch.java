package dev.briefs.model.hub;

/** Activity of one exchange, for the read timeout while the body streams. */
final class ReadWatch {
    volatile long last = System.nanoTime();
    volatile boolean bodyStarted;
    volatile Runnable aborter;

    void reset() {
        last = System.nanoTime();
        bodyStarted = false;
        aborter = null;
    }

    void touch() {
        last = System.nanoTime();
        bodyStarted = true;
    }

    void abort() {
        Runnable a = aborter;
        if (a != null) {
            a.run();
        }
    }
}
