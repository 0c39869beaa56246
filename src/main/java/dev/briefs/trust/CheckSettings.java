package dev.briefs.trust;

import dev.briefs.check.CheckKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the night checks in each language brief, and where a brief becomes doubtful: the job file's
 * {@code checks} block. The thresholds' defaults are not measured (see docs/fact-checks.md).
 *
 * @param enabled               false: no check runs and the fact checker is never built
 * @param minConfidence         a translation whose mean log-probability per generated token is below this is doubtful
 * @param roundTrip             whether a translation is translated back and compared with its source
 * @param minRoundTripEmbedding a round trip into English whose all-MiniLM-L6-v2 cosine is below this is doubtful
 * @param minRoundTripChrf      a round trip into another language whose chrF (0 to 100, as sacrebleu) is below this is doubtful
 * @param doubtOn               the checks whose flags make a brief doubtful; the others' flags are recorded and shown all
 *                              the same
 */
public record CheckSettings(
        boolean enabled,
        double minConfidence,
        RoundTripMode roundTrip,
        double minRoundTripEmbedding,
        double minRoundTripChrf,
        Set<CheckKind> doubtOn) {

    public CheckSettings {
        doubtOn = doubtOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(doubtOn));
    }

    /** When a translation is translated back. */
    public enum RoundTripMode {
        /** Where a route back is installed; no record where none is (the default). */
        AUTO,
        /** Always; where no route back is installed the round trip is recorded as not measured, with the reason. */
        ON,
        /** Never. */
        OFF
    }

    /*
     * Not measured (no real model can be fetched where this was built): a Marian translation that reads well
     * is usually far above -1.5 per token, MiniLM puts paraphrases of one English text well above 0.6, and a
     * chrF of 40 is what two unrelated texts of one language rarely reach. Tune them on the team's own night.
     */
    public static final double DEFAULT_MIN_CONFIDENCE = -1.5;
    public static final double DEFAULT_MIN_ROUND_TRIP_EMBEDDING = 0.6;
    public static final double DEFAULT_MIN_ROUND_TRIP_CHRF = 40;

    public static final CheckSettings DEFAULTS = new CheckSettings(
            true,
            DEFAULT_MIN_CONFIDENCE,
            RoundTripMode.AUTO,
            DEFAULT_MIN_ROUND_TRIP_EMBEDDING,
            DEFAULT_MIN_ROUND_TRIP_CHRF,
            EnumSet.allOf(CheckKind.class));

    public static final CheckSettings DISABLED = new CheckSettings(
            false,
            DEFAULT_MIN_CONFIDENCE,
            RoundTripMode.OFF,
            DEFAULT_MIN_ROUND_TRIP_EMBEDDING,
            DEFAULT_MIN_ROUND_TRIP_CHRF,
            EnumSet.allOf(CheckKind.class));
}
