package dev.briefs.brief;

import dev.briefs.failure.Degradation;
import java.util.Map;

/** Renders a brief as Markdown for people: title, source link, then one section per language. */
public final class BriefMarkdown {

    private BriefMarkdown() {}

    public static String render(Brief brief) {
        StringBuilder md = new StringBuilder();
        md.append("# ")
                .append(MarkdownText.escape(brief.title() != null ? brief.title() : brief.id()))
                .append("\n\n");
        md.append(sourceLine(brief)).append("\n\n");
        if (brief.error() != null) {
            md.append("**Not briefed:** ")
                    .append(MarkdownText.escape(brief.error()))
                    .append("\n");
            return md.toString();
        }
        for (Map.Entry<String, Brief.LanguageBrief> e : brief.briefs().entrySet()) {
            md.append("## ").append(Languages.nativeName(e.getKey())).append("\n\n");
            Brief.LanguageBrief b = e.getValue();
            if (b.text() != null) {
                md.append(MarkdownText.escape(b.text())).append("\n\n");
            }
            if (!b.ok()) {
                md.append("**Failed:** ")
                        .append(MarkdownText.escape(String.valueOf(b.error())))
                        .append("\n\n");
            }
            if (b.model() != null) {
                md.append('*').append(MarkdownText.escape(modelLine(b)));
                if (e.getKey().equals(brief.language()) && brief.summary() != null) {
                    md.append(" (")
                            .append(MarkdownText.escape(brief.summary().describe()))
                            .append(")");
                }
                md.append("*\n\n");
            }
            md.append(trustLines(e.getKey(), brief.language(), b, ""));
        }
        String degraded = degradedLines(brief);
        if (!degraded.isEmpty()) {
            md.append("## Not as asked\n\n").append(degraded);
        }
        return md.toString();
    }

    /**
     * Which models made a language's text: {@code Model: opus-mt-en-uk}, or with the route when it is
     * not one model made for the pair: {@code Models: opus-mt-ru-en, then opus-mt-en-uk (pivot through English)}.
     */
    static String modelLine(Brief.LanguageBrief b) {
        if ("pivot".equals(b.route()) && b.models() != null) {
            return "Models: "
                    + String.join(
                            ", then ",
                            b.models().stream().map(Brief.ModelUse::model).toList()) + " (pivot through English)";
        }
        return "Model: " + b.model() + ("multilingual".equals(b.route()) ? " (multilingual)" : "");
    }

    /**
     * What the checks said of one language: a line of what was checked, then, when the text is doubtful, a
     * bold mark and one list line a reason. Empty when nothing was checked.
     *
     * @param indent put before each line, so the lines can sit inside a list item
     */
    static String trustLines(String language, String briefLanguage, Brief.LanguageBrief b, String indent) {
        StringBuilder md = new StringBuilder();
        String line = TrustText.line(language, briefLanguage, b);
        if (line != null) {
            md.append(indent).append('*').append(MarkdownText.escape(line)).append("*\n\n");
        }
        String style = StyleText.line(b);
        if (style != null) {
            md.append(indent).append('*').append(MarkdownText.escape(style)).append("*\n\n");
        }
        if (b.hasDoubts()) {
            md.append(indent).append("**Doubtful:**\n\n");
            for (String reason : b.doubtful()) {
                md.append(indent)
                        .append("- ")
                        .append(MarkdownText.escape(reason))
                        .append("\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    /** One list line for each way the brief is worse than asked for, so that no reader takes it for the full result. */
    static String degradedLines(Brief brief) {
        StringBuilder md = new StringBuilder();
        for (Degradation d : brief.degraded()) {
            md.append("- *Degraded")
                    .append(d.language() != null ? " (" + Languages.nativeName(d.language()) + ")" : "")
                    .append(":* ")
                    .append(MarkdownText.escape(d.detail()))
                    .append("\n");
        }
        return md.toString();
    }

    /** The date and the language, where the source is shown apart ({@code 2026-11-20 · English}). */
    static String metaLine(Brief brief) {
        String line = sourceLine(brief);
        return line.substring(0, line.lastIndexOf("Source: ")).replaceAll(" · $", "");
    }

    static String sourceLine(Brief brief) {
        StringBuilder line = new StringBuilder();
        if (brief.date() != null) {
            line.append(brief.date()).append(" · ");
        }
        if (brief.language() != null) {
            line.append(Languages.nativeName(brief.language())).append(" · ");
        }
        line.append("Source: ");
        Brief.Source source = brief.source();
        if (source.url() != null) {
            line.append(MarkdownText.link(source.url()));
        } else {
            line.append("file ").append(MarkdownText.escape(source.file()));
        }
        return line.toString();
    }
}
