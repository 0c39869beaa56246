package dev.briefs.ledger;

import java.time.Instant;

/**
 * One row of the failure ledger: a unit of an article's work that failed, how often, and whether
 * a later run or rerun has since done it.
 *
 * @param language   {@code null} for failures of the whole article ({@code read}, {@code process})
 * @param state      {@code open} or {@code resolved}
 */
public record LedgerEntry(
        String date,
        String articleId,
        String sourceFile,
        String stage,
        String language,
        int chunkIndex,
        String errorType,
        String message,
        int attempts,
        Instant firstSeen,
        Instant lastSeen,
        String state) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public boolean open() {
        return OPEN.equals(state);
    }
}
