package dev.briefs.brief;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The day's derived files, rebuilt from the per-article briefs: {@code briefs.jsonl}, one line an
 * article, {@code digest.md} and {@code digest.html}. Because they are rebuilt from the folder rather than appended
 * to, a restart or a rerun can never write an article twice.
 */
public final class Digest {

    private Digest() {
    }

    public static DayReport rebuild(Path outputDir, String date) throws IOException {
        return rebuild(outputDir, date, BriefFiles.readAll(outputDir));
    }

    /** @param briefs the folder's briefs ({@link BriefFiles#readAll}), read once for all the day's files */
    public static DayReport rebuild(Path outputDir, String date, List<Brief> briefs) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Brief b : briefs) {
            lines.append(BriefJson.line(b)).append('\n');
        }
        AtomicFiles.write(outputDir.resolve(BriefFiles.JSONL), lines.toString().getBytes(StandardCharsets.UTF_8));
        DayReport report = DayReport.of(briefs);
        AtomicFiles.write(outputDir.resolve(BriefFiles.DIGEST), render(date, briefs, report).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(outputDir.resolve(BriefFiles.DIGEST_HTML),
                DigestHtml.render(date, briefs, report).getBytes(StandardCharsets.UTF_8));
        return report;
    }

    static String render(String date, List<Brief> briefs, DayReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Briefs for ").append(date).append("\n\n");
        md.append(report.articles()).append(" articles: ").append(report.complete()).append(" complete, ")
                .append(report.partial()).append(" partial, ").append(report.failed()).append(" failed.\n\n");
        for (Brief b : briefs) {
            if (Brief.FAILED.equals(b.status()) && b.briefs().isEmpty()) {
                continue;
            }
            md.append("## ").append(MarkdownText.escape(b.title() != null ? b.title() : b.id())).append("\n\n");
            md.append(BriefMarkdown.sourceLine(b)).append("\n\n");
            for (Map.Entry<String, Brief.LanguageBrief> e : b.briefs().entrySet()) {
                Brief.LanguageBrief lb = e.getValue();
                md.append("- **").append(Languages.nativeName(e.getKey())).append(":** ");
                md.append(lb.ok() ? MarkdownText.escape(lb.text()) : "*not available*");
                md.append("\n");
            }
            md.append(BriefMarkdown.degradedLines(b));
            md.append("\n");
        }
        if (!report.failures().isEmpty()) {
            md.append("## Failures\n\n");
            for (String f : report.failures()) {
                md.append("- ").append(MarkdownText.escape(f)).append("\n");
            }
        }
        return md.toString();
    }
}
