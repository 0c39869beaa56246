package dev.briefs.check;

import java.util.List;

/**
 * The outcome of one check on one text against its source.
 *
 * @param kind      what was compared
 * @param passed    true when nothing was flagged
 * @param flagged   what was found wrong, in the order found
 * @param unchecked what was found but could not be judged (so it counts for neither side), in
 *                  the order found; a passed result may still hold some
 */
public record CheckResult(CheckKind kind, boolean passed, List<Flag> flagged, List<Unchecked> unchecked) {

    public CheckResult {
        flagged = List.copyOf(flagged);
        unchecked = List.copyOf(unchecked);
        if (passed != flagged.isEmpty()) {
            throw new IllegalArgumentException(
                    kind.id() + " check: passed must be true exactly when nothing is flagged");
        }
    }

    static CheckResult of(CheckKind kind, List<Flag> flagged) {
        return of(kind, flagged, List.of());
    }

    static CheckResult of(CheckKind kind, List<Flag> flagged, List<Unchecked> unchecked) {
        return new CheckResult(kind, flagged.isEmpty(), flagged, unchecked);
    }
}
