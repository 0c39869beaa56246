package dev.briefs.trust;

import dev.briefs.check.CheckResult;
import dev.briefs.chunk.ChunkFailure;
import java.util.List;

/**
 * What the checks say of one language brief.
 *
 * @param checks       the fact checks' results against the text the brief was made from; null when they were not run
 * @param checksNotRun why the fact checks were not run (a language they cannot read); null when they ran
 * @param confidence   a translation's mean log-probability per generated token, to 4 decimals; null for a
 *                     summary and where the model gave none
 * @param roundTrip    the translation translated back; null for a summary and where none was asked
 * @param doubtful     why an editor should not trust the brief as it is; empty when nothing was found
 * @param roundTripFailures the model calls of the round trip that failed for good: work left undone, which the
 *                     failure ledger keeps so that {@code rerun-failed} makes the round trip again
 */
public record Trust(
        List<CheckResult> checks,
        String checksNotRun,
        Double confidence,
        RoundTrip roundTrip,
        List<String> doubtful,
        List<ChunkFailure> roundTripFailures) {

    public Trust {
        checks = checks == null ? null : List.copyOf(checks);
        doubtful = List.copyOf(doubtful);
        roundTripFailures = List.copyOf(roundTripFailures);
    }

    /** What the checks say of a brief whose round trip, if any, failed nowhere. */
    public Trust(
            List<CheckResult> checks,
            String checksNotRun,
            Double confidence,
            RoundTrip roundTrip,
            List<String> doubtful) {
        this(checks, checksNotRun, confidence, roundTrip, doubtful, List.of());
    }
}
