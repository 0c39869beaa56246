package dev.briefs.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a day's output folder says about the day: how many briefs are complete, and what failed.
 *
 * @param checked  language briefs the checks looked at (0: checks were off, or the briefs predate them)
 * @param doubtful language briefs the checks found doubtful
 * @param style    how the language briefs held to the house style; null without a style file
 */
public record DayReport(
        int articles,
        int complete,
        int partial,
        int failed,
        int chunksFailed,
        List<String> failures,
        int checked,
        int doubtful,
        StyleTally style) {

    public static DayReport of(List<Brief> briefs) {
        int complete = 0;
        int partial = 0;
        int failed = 0;
        int chunksFailed = 0;
        int checked = 0;
        int doubtful = 0;
        List<String> failures = new ArrayList<>();
        for (Brief b : briefs) {
            switch (b.status()) {
                case Brief.OK -> complete++;
                case Brief.PARTIAL -> partial++;
                default -> failed++;
            }
            chunksFailed += b.chunks().failed();
            if (b.error() != null) {
                failures.add(b.id() + ": " + b.error());
            }
            for (Map.Entry<String, Brief.LanguageBrief> e : b.briefs().entrySet()) {
                Brief.LanguageBrief lb = e.getValue();
                if (!lb.ok()) {
                    failures.add(b.id() + " [" + e.getKey() + "]: " + lb.error());
                }
                checked += TrustText.checked(lb) ? 1 : 0;
                doubtful += lb.hasDoubts() ? 1 : 0;
            }
        }
        return new DayReport(
                briefs.size(),
                complete,
                partial,
                failed,
                chunksFailed,
                List.copyOf(failures),
                checked,
                doubtful,
                StyleTally.of(briefs));
    }

    public boolean allComplete() {
        return partial == 0 && failed == 0;
    }
}
