package dev.briefs.brief;

import java.util.List;

/** What a day's output folder says about the day: how many briefs are complete, and what failed. */
public record DayReport(int articles, int complete, int partial, int failed, int chunksFailed, List<String> failures) {

    public static DayReport of(List<Brief> briefs) {
        int complete = 0;
        int partial = 0;
        int failed = 0;
        int chunksFailed = 0;
        List<String> failures = new java.util.ArrayList<>();
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
            b.briefs().forEach((lang, lb) -> {
                if (!lb.ok()) {
                    failures.add(b.id() + " [" + lang + "]: " + lb.error());
                }
            });
        }
        return new DayReport(briefs.size(), complete, partial, failed, chunksFailed, List.copyOf(failures));
    }

    public boolean allComplete() {
        return partial == 0 && failed == 0;
    }
}
