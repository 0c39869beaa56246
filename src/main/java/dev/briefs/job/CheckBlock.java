package dev.briefs.job;

import dev.briefs.trust.CheckSettings;
import dev.briefs.trust.CheckSettings.RoundTripMode;

/** The job file's {@code checks} block, checked: a bad value stops the run with a line naming the setting. */
final class CheckBlock {

    private CheckBlock() {
    }

    static CheckSettings resolve(JobFile.Checks c, String where) {
        if (c == null) {
            return CheckSettings.DEFAULTS;
        }
        CheckSettings d = CheckSettings.DEFAULTS;
        double minConfidence = c.minConfidence() != null ? c.minConfidence() : d.minConfidence();
        if (!(minConfidence <= 0) || Double.isInfinite(minConfidence)) {
            throw new JobFileException(where + ": checks.min-confidence must be a mean log-probability per token, 0 or"
                    + " below (such as " + d.minConfidence() + "), is " + c.minConfidence());
        }
        double embedding = within(c.minRoundTripEmbedding(), d.minRoundTripEmbedding(), 1,
                "checks.min-round-trip-embedding", "a cosine similarity", where);
        double chrf = within(c.minRoundTripChrf(), d.minRoundTripChrf(), 100, "checks.min-round-trip-chrf",
                "a chrF score", where);
        RoundTripMode roundTrip = c.roundTrip() == null ? RoundTripMode.AUTO
                : c.roundTrip() ? RoundTripMode.ON : RoundTripMode.OFF;
        return new CheckSettings(c.enabled() == null || c.enabled(), minConfidence, roundTrip, embedding, chrf);
    }

    private static double within(Double value, double fallback, double max, String name, String what, String where) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value <= max)) {
            throw new JobFileException(where + ": " + name + " must be " + what + " from 0 to " + (int) max + " (such as "
                    + fallback + "), is " + value);
        }
        return value;
    }
}
