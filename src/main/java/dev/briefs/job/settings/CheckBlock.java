package dev.briefs.job.settings;

import dev.briefs.check.CheckKind;
import dev.briefs.trust.CheckSettings;
import dev.briefs.trust.CheckSettings.RoundTripMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The job file's {@code checks} block, checked: a bad value stops the run with a line naming the setting. */
final class CheckBlock {

    private CheckBlock() {}

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
        double embedding = within(
                c.minRoundTripEmbedding(),
                d.minRoundTripEmbedding(),
                1,
                "checks.min-round-trip-embedding",
                "a cosine similarity",
                where);
        double chrf = within(
                c.minRoundTripChrf(), d.minRoundTripChrf(), 100, "checks.min-round-trip-chrf", "a chrF score", where);
        RoundTripMode roundTrip =
                c.roundTrip() == null ? RoundTripMode.AUTO : c.roundTrip() ? RoundTripMode.ON : RoundTripMode.OFF;
        return new CheckSettings(
                c.enabled() == null || c.enabled(),
                minConfidence,
                roundTrip,
                embedding,
                chrf,
                doubtOn(c.doubtOn(), d, where));
    }

    private static Set<CheckKind> doubtOn(List<String> names, CheckSettings defaults, String where) {
        if (names == null) {
            return defaults.doubtOn();
        }
        Set<CheckKind> kinds = EnumSet.noneOf(CheckKind.class);
        for (String name : names) {
            CheckKind kind = Arrays.stream(CheckKind.values())
                    .filter(k -> k.id().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new JobFileException(where + ": checks.doubt-on lists '" + name
                            + "', which is no check; the checks are "
                            + Arrays.stream(CheckKind.values())
                                    .map(CheckKind::id)
                                    .toList() + " (an empty list: no flag makes a brief doubtful)"));
            kinds.add(kind);
        }
        return kinds;
    }

    private static double within(Double value, double fallback, double max, String name, String what, String where) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value <= max)) {
            throw new JobFileException(where + ": " + name + " must be " + what + " from 0 to " + (int) max
                    + " (such as " + fallback + "), is " + value);
        }
        return value;
    }
}
