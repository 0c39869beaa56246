package dev.briefs.trust;

import dev.briefs.check.CheckResult;
import dev.briefs.check.Flag;
import dev.briefs.style.StyleReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Why a language brief is doubtful, one reason a line, in the words an editor reads in the digest. */
final class Doubts {

    private Doubts() {}

    /**
     * @param checks     the fact checks' results, or null when they did not run
     * @param confidence a translation's mean log-probability per token, or null
     * @param roundTrip  a translation's round trip, or null
     */
    static List<String> of(CheckSettings settings, List<CheckResult> checks, Double confidence, RoundTrip roundTrip) {
        // A word flagged at each of its places is one reason to the reader.
        Set<String> reasons = new LinkedHashSet<>();
        if (checks != null) {
            for (CheckResult result : checks) {
                if (!settings.doubtOn().contains(result.kind())) {
                    continue;
                }
                for (Flag flag : result.flagged()) {
                    reasons.add(result.kind().id() + ": \"" + flag.text() + "\" " + flag.problem());
                }
            }
        }
        if (confidence != null && confidence < settings.minConfidence()) {
            reasons.add("confidence " + number(confidence) + " below " + number(settings.minConfidence()));
        }
        if (roundTrip != null && roundTrip.measured()) {
            double min = RoundTrip.CHRF.equals(roundTrip.measure())
                    ? settings.minRoundTripChrf()
                    : settings.minRoundTripEmbedding();
            if (roundTrip.score() < min) {
                reasons.add("round trip " + number(roundTrip.score()) + " below " + number(min) + " ("
                        + roundTrip.measureName() + ")");
            }
        }
        return List.copyOf(reasons);
    }

    /** A house style report's reasons, in the words the digest shows. */
    static List<String> ofStyle(StyleReport report) {
        List<String> reasons = new ArrayList<>();
        report.missing().forEach(term -> reasons.add("style: \"" + term + "\" required, missing"));
        report.forbiddenLeft()
                .forEach(left -> reasons.add(
                        "style: \"" + left.variant() + "\" left in; the style writes \"" + left.form() + "\""));
        report.lost().forEach(term -> reasons.add("style: \"" + term + "\" is to be kept as written, lost"));
        return List.copyOf(new LinkedHashSet<>(reasons));
    }

    /** Two decimals are what an editor compares with the job file's threshold; the brief keeps the full value. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
