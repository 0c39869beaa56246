package dev.briefs.brief;

import dev.briefs.check.CheckResult;
import dev.briefs.trust.RoundTrip;
import java.util.ArrayList;
import java.util.List;

/**
 * What the checks said of a language brief, in the words the Markdown files and the digest show. Plain
 * text: flags quote the brief's own words, so every caller escapes what it gets here for its format.
 */
final class TrustText {

    private TrustText() {}

    /** Whether the checks looked at this language brief at all. */
    static boolean checked(Brief.LanguageBrief b) {
        return b.checks() != null || b.checksNotRun() != null || b.confidence() != null || b.roundTrip() != null;
    }

    /**
     * One line: what the text was checked against and how each check went, then a translation's confidence
     * and round trip ({@code Checked against the article: numbers passed, names passed (1 unchecked), negation
     * passed}); null when nothing was checked.
     *
     * @param briefLanguage the language of the article's own brief, which a translation is checked against
     */
    static String line(String language, String briefLanguage, Brief.LanguageBrief b) {
        if (!checked(b)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String against = language.equals(briefLanguage)
                ? "the article"
                : "the " + Languages.nativeName(briefLanguage) + " brief";
        if (b.checks() != null) {
            List<String> results = new ArrayList<>();
            for (CheckResult r : b.checks()) {
                results.add(r.kind().id()
                        + (r.passed() ? " passed" : " flagged")
                        + (r.unchecked().isEmpty() ? "" : " (" + r.unchecked().size() + " unchecked)"));
            }
            parts.add("Checked against " + against + ": " + String.join(", ", results));
        } else if (b.checksNotRun() != null) {
            parts.add("Not checked against " + against + ": " + b.checksNotRun());
        }
        if (b.confidence() != null) {
            parts.add("confidence " + b.confidence());
        }
        RoundTrip trip = b.roundTrip();
        if (trip != null) {
            parts.add(
                    trip.measured()
                            ? "round trip " + trip.score() + " (" + trip.measureName() + ", back by " + trip.model()
                                    + ")"
                            : "round trip not measured: " + trip.notMeasured());
        }
        return String.join(" · ", parts);
    }
}
