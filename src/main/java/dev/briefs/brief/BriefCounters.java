package dev.briefs.brief;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a run's briefs amount to, as Micrometer counters: briefs by status and the units of work
 * that failed for good, by stage. The job counts a brief once it is committed (written, with its
 * ledger rows), so a run that fails half way tells how far it got, as the ledger and the job
 * repository do. Thread-safe: the job's partitions count into the same counters.
 */
public final class BriefCounters {

    /** Briefs written, tag {@code status} = {@code ok}, {@code partial} or {@code failed}. */
    public static final String ARTICLES = "briefs.articles";
    /** Units of work (an article, or one chunk of a stage in a language) that failed for good, tag {@code stage}. */
    public static final String FAILURES = "briefs.failures";

    private final MeterRegistry registry;

    public BriefCounters(MeterRegistry registry) {
        this.registry = registry;
        // Each status is there from the start: a reader sees 0 failed, not a missing series.
        for (String status : new String[] {Brief.OK, Brief.PARTIAL, Brief.FAILED}) {
            articles(status);
        }
    }

    /** Counts a brief that was written and committed, with its failures. */
    public void written(BriefResult result) {
        articles(result.brief().status()).increment();
        for (Failure failure : result.failures()) {
            Counter.builder(FAILURES)
                    .description(
                            "Units of work (an article, or a chunk of a stage in one language) that failed for good")
                    .tag("stage", failure.stage())
                    .register(registry)
                    .increment();
        }
    }

    private Counter articles(String status) {
        return Counter.builder(ARTICLES)
                .description("Briefs written by this run, by the brief's status")
                .tag("status", status)
                .register(registry);
    }
}
