package dev.briefs.trust;

import dev.briefs.check.FactChecker;

/**
 * One {@link FactChecker} for the whole JVM, built when the first check needs it. Building one loads
 * ICU's data (seconds); a JVM that runs many nights (the test suite, a worker) builds it once, and a
 * night with checks off never does.
 */
public final class SharedFactChecker {

    private SharedFactChecker() {}

    private static final class Holder {
        static final FactChecker CHECKER = new FactChecker();
    }

    public static FactChecker get() {
        return Holder.CHECKER;
    }
}
