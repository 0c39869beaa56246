package dev.briefs.brief;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The day's derived files, rebuilt from the per-article briefs: {@code briefs.jsonl}, one line a
 * story ({@link StoryBrief}), {@code digest.md} and {@code digest.html}, one entry a story. Because they are rebuilt from the folder rather than appended
 * to, a restart or a rerun can never write an article twice.
 */
public final class Digest {

    private Digest() {}

    /** Rebuilds the day's files with each brief a story of its own. */
    public static DayReport rebuild(Path outputDir, String date) throws IOException {
        List<Brief> briefs = BriefFiles.readAll(outputDir);
        return rebuild(
                outputDir, date, briefs, DayStories.none("no stories given").arrange(briefs));
    }

    /**
     * @param briefs  the folder's briefs ({@link BriefFiles#readAll}), read once for all the day's files
     * @param stories the day's stories made of them ({@link DayStories#arrange})
     */
    public static DayReport rebuild(Path outputDir, String date, List<Brief> briefs, List<StoryBrief> stories)
            throws IOException {
        StringBuilder lines = new StringBuilder();
        for (StoryBrief story : stories) {
            lines.append(BriefJson.line(story)).append('\n');
        }
        AtomicFiles.write(outputDir.resolve(BriefFiles.JSONL), lines.toString().getBytes(StandardCharsets.UTF_8));
        DayReport report = DayReport.of(briefs);
        AtomicFiles.write(
                outputDir.resolve(BriefFiles.DIGEST),
                render(date, stories, report).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(
                outputDir.resolve(BriefFiles.DIGEST_HTML),
                DigestHtml.render(date, briefs, stories, report).getBytes(StandardCharsets.UTF_8));
        return report;
    }

    static String render(String date, List<StoryBrief> stories, DayReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Briefs for ").append(date).append("\n\n");
        md.append(report.articles())
                .append(" articles in ")
                .append(stories.size())
                .append(stories.size() == 1 ? " story: " : " stories: ")
                .append(report.complete())
                .append(" complete, ")
                .append(report.partial())
                .append(" partial, ")
                .append(report.failed())
                .append(" failed.\n\n");
        if (report.checked() > 0) {
            md.append("Doubtful: ")
                    .append(report.doubtful())
                    .append(" of ")
                    .append(report.checked())
                    .append(" language briefs checked.\n\n");
        }
        if (report.style() != null) {
            md.append(report.style().line()).append("\n\n");
        }
        for (StoryBrief story : stories) {
            Brief b = story.brief();
            // An article that could not be read is listed with the failures below, unless it leads others.
            if (story.single()
                    && (b == null
                            || Brief.FAILED.equals(b.status()) && b.briefs().isEmpty())) {
                continue;
            }
            md.append("## ").append(MarkdownText.escape(story.title())).append("\n\n");
            if (b != null) {
                // The story's sources below hold the link, so it is the only one in the entry.
                md.append(BriefMarkdown.metaLine(b)).append("\n\n");
                if (b.error() != null) {
                    md.append("**Not briefed:** ")
                            .append(MarkdownText.escape(b.error()))
                            .append("\n");
                }
                for (Map.Entry<String, Brief.LanguageBrief> e : b.briefs().entrySet()) {
                    Brief.LanguageBrief lb = e.getValue();
                    md.append("- **").append(Languages.nativeName(e.getKey())).append(":** ");
                    md.append(lb.ok() ? MarkdownText.escape(lb.text()) : "*not available*");
                    md.append("\n");
                    String checked = TrustText.line(e.getKey(), b.language(), lb);
                    if (checked != null) {
                        md.append("  - *").append(MarkdownText.escape(checked)).append("*\n");
                    }
                    String style = StyleText.line(lb);
                    if (style != null) {
                        md.append("  - *").append(MarkdownText.escape(style)).append("*\n");
                    }
                    if (lb.hasDoubts()) {
                        md.append("  - **Doubtful:** ")
                                .append(MarkdownText.escape(String.join("; ", lb.doubtful())))
                                .append("\n");
                    }
                }
                md.append(BriefMarkdown.degradedLines(b));
            } else {
                md.append("**Not briefed:** the lead article's brief is missing from the folder\n");
            }
            md.append("\n").append(StorySources.markdown(story)).append("\n");
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
