package dev.briefs.brief;

import dev.briefs.style.StyleReport;
import java.util.List;

/**
 * How the day's language briefs held to the house style, as {@code report.json} and the digest count them.
 *
 * @param checked       language briefs checked against the style
 * @param held          those that held: nothing missing, left or lost
 * @param missing       required terms missing, over all briefs
 * @param forbiddenLeft forbidden variants left, over all briefs
 * @param lost          kept terms lost, over all briefs
 * @param replaced      forbidden variants replaced by their forms, over all briefs
 */
public record StyleTally(int checked, int held, int missing, int forbiddenLeft, int lost, int replaced) {

    /** The tally of the briefs' style reports; null when none has one (no style file). */
    static StyleTally of(List<Brief> briefs) {
        int checked = 0;
        int held = 0;
        int missing = 0;
        int left = 0;
        int lost = 0;
        int replaced = 0;
        for (Brief b : briefs) {
            for (Brief.LanguageBrief lb : b.briefs().values()) {
                StyleReport s = lb.style();
                if (s == null) {
                    continue;
                }
                checked++;
                held += s.held() ? 1 : 0;
                missing += s.missing().size();
                left += s.forbiddenLeft().size();
                lost += s.lost().size();
                replaced += s.replaced().size();
            }
        }
        return checked == 0 ? null : new StyleTally(checked, held, missing, left, lost, replaced);
    }

    /** The digest's line: {@code House style: 30 of 32 language briefs held (2 terms missing, 5 replaced).} */
    String line() {
        return "House style: " + held + " of " + checked + " language briefs held (" + missing + " required terms"
                + " missing, " + forbiddenLeft + " forbidden variants left, " + lost + " kept terms lost; " + replaced
                + " variants replaced).";
    }
}
