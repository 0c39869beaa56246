package dev.briefs.brief;

import dev.briefs.failure.Degradation;
import dev.briefs.log.LogFields;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per brief written, and one per failure, degradation and doubtful language it records, each with its
 * article and stage: what an operator's log search ("which articles failed to translate last
 * night?") needs without opening the briefs.
 */
public final class OutcomeLog {

    private static final Logger LOG = LoggerFactory.getLogger(LogFields.ARTICLES_LOGGER);

    private OutcomeLog() {}

    public static void written(Brief brief, List<Failure> failures) {
        try (LogFields.Scope article = LogFields.article(brief.id())) {
            try (LogFields.Scope stage = LogFields.stage(Failure.WRITE)) {
                LOG.info(
                        "brief written: {} ({})", brief.status(), brief.source().file());
            }
            for (Failure f : failures) {
                try (LogFields.Scope stage = LogFields.stage(f.stage())) {
                    LOG.warn(
                            "{}{} failed after {} attempt(s): {}",
                            f.stage(),
                            f.language() == null ? "" : " " + f.language(),
                            f.attempts(),
                            f.message());
                }
            }
            for (Degradation d : brief.degraded()) {
                LOG.info("degraded ({}{}): {}", d.kind(), d.language() == null ? "" : ", " + d.language(), d.detail());
            }
            try (LogFields.Scope stage = LogFields.stage(StageTimers.CHECK)) {
                brief.briefs().forEach((language, b) -> {
                    if (b.hasDoubts()) {
                        LOG.info("doubtful ({}): {}", language, String.join("; ", b.doubtful()));
                    }
                    if (b.roundTrip() != null && !b.roundTrip().measured()) {
                        LOG.info(
                                "round trip not measured ({}): {}",
                                language,
                                b.roundTrip().notMeasured());
                    }
                });
            }
        }
    }
}
