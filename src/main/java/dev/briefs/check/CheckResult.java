package dev.briefs.check;

import java.util.List;

/**
 * The outcome of one check on one text against its source.
 *
 * @param kind    what was compared
 * @param passed  true when nothing was flagged
 * @param flagged what was found wrong, in the order found
 */
public record CheckResult(CheckKind kind, boolean passed, List<Flag> flagged) {

    public CheckResult {
        flagged = List.copyOf(flagged);
        if (passed != flagged.isEmpty()) {
            throw new IllegalArgumentException(kind.id() + " check: passed must be true exactly when nothing is flagged");
        }
    }

    static CheckResult of(CheckKind kind, List<Flag> flagged) {
        return new CheckResult(kind, flagged.isEmpty(), flagged);
    }
}
