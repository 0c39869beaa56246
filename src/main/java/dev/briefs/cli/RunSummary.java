package dev.briefs.cli;

import dev.briefs.brief.BriefFiles;
import dev.briefs.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The end of {@code run} and {@code rerun-failed} on standard output: the run's report in a few
 * lines, so a cron mail says what happened, how fast, and what to run next without opening a file.
 */
final class RunSummary {

    private RunSummary() {}

    static void print(PrintWriter out, RunReport r, Path outputDir) {
        if (r == null) {
            return;
        }
        out.printf(
                Locale.ROOT,
                "Summary of this %s: %d complete, %d partial, %d failed; %d briefs written in %.1f s "
                        + "(%.1f articles a minute)%n",
                r.command(),
                r.complete(),
                r.partial(),
                r.failed(),
                r.briefed(),
                r.seconds(),
                r.articlesPerMinute());
        out.printf(
                Locale.ROOT,
                "Stories: %d article%s in %d stor%s%n",
                r.articles(),
                r.articles() == 1 ? "" : "s",
                r.stories(),
                r.stories() == 1 ? "y" : "ies");
        r.storyNotes().forEach(note -> out.println("  note: " + note));
        if (r.checked() > 0) {
            out.printf(
                    Locale.ROOT,
                    "Doubtful: %d of %d language brief%s checked (see %s)%n",
                    r.doubtful(),
                    r.checked(),
                    r.checked() == 1 ? "" : "s",
                    outputDir.resolve(BriefFiles.DIGEST_HTML));
        }
        StringJoiner stages = new StringJoiner(", ", "Time per stage: ", "");
        r.stages().forEach((stage, t) -> stages.add(String.format(Locale.ROOT, "%s %.2f s", stage, t.seconds())));
        out.println(stages);
        if (!r.failures().isEmpty()) {
            out.println("Failures by reason:");
            for (RunReport.FailureGroup g : r.failures()) {
                out.printf(
                        "  %s, %s: %d article%s (%s)%n",
                        g.stage(),
                        g.errorType(),
                        g.articles(),
                        g.articles() == 1 ? "" : "s",
                        String.join(", ", g.ids()) + (g.articles() > g.ids().size() ? ", ..." : ""));
                out.println("    fix: " + g.fix());
            }
        }
        if (!r.models().isEmpty()) {
            StringJoiner models = new StringJoiner(", ", "Models: ", "");
            r.models().forEach(m -> models.add(m.revision() == null ? m.model() : m.model() + " @ " + m.revision()));
            out.println(models);
        }
        RunReport.CacheUse cache = r.cache();
        if (cache != null && cache.hits() + cache.misses() > 0) {
            out.printf("Model outputs: %d from the cache, %d made by the models%n", cache.hits(), cache.misses());
        }
        out.println("Report: " + outputDir.resolve(BriefFiles.REPORT));
        out.flush();
    }
}
