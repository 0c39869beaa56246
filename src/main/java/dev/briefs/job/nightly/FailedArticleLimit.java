package dev.briefs.job.nightly;

import dev.briefs.ledger.FailureLedger;

/**
 * The night's skip limit: how many of the date's articles may have failed alone (open rows in the
 * ledger) before the night fails as a whole. It counts the ledger, not one step's skips, so the
 * limit holds for the whole date, across partitions, workers and restarts.
 */
final class FailedArticleLimit {

    private final FailureLedger ledger;
    private final String date;
    private final int limit;

    FailedArticleLimit(FailureLedger ledger, String date, int limit) {
        this.ledger = ledger;
        this.date = date;
        this.limit = limit;
    }

    /** Called in the chunk's transaction after its ledger rows are written, so a refusal rolls them back with it. */
    void check() {
        int failed = ledger.articlesWithOpenFailures(date);
        if (failed > limit) {
            throw new TooManyFailedArticlesException(failed, limit, date);
        }
    }

    /** More articles failed than the job file's {@code skip-limit} allows. */
    static final class TooManyFailedArticlesException extends RuntimeException {

        TooManyFailedArticlesException(int failed, int limit, String date) {
            super(failed + " articles of " + date + " failed, more than the job file's skip-limit of " + limit
                    + ", so the night stops here: so many failures have a common cause (a model, the input feed). "
                    + "`briefs status` lists them; fix the cause, then `briefs run` goes on where the night stopped and "
                    + "`briefs rerun-failed` redoes the failed articles (or raise skip-limit)");
        }
    }
}
