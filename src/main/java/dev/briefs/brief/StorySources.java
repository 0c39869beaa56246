package dev.briefs.brief;

import java.util.Locale;

/**
 * How a story's sources read for people, the same in the digest, its page and the feed: each member's link
 * (or file), outlet and language, with its similarity to the lead article and its own brief's status when the
 * story has several; and, for such a story, which article its brief was made from and why.
 */
final class StorySources {

    private StorySources() {}

    /**
     * {@code Story of 2 articles; brief from harbour-a (longest: 412 words; next harbour-b, 380 words)}, or with a
     * stand-in {@code Story of 2 articles; lead harbour-a failed; made from harbour-b (lead: longest: ...)}; null
     * for a story of one.
     */
    static String leadLine(StoryBrief story) {
        if (story.single()) {
            return null;
        }
        String start = "Story of " + story.members().size() + " articles; ";
        return story.leadNote() == null
                ? start + "brief from " + story.lead() + " (" + story.leadReason() + ")"
                : start + story.leadNote() + " (lead: " + story.leadReason() + ")";
    }

    /** Outlet, language, and for a story of several, the similarity or lead mark and the brief's status. */
    static String details(StoryBrief story, StoryBrief.Member m) {
        StringBuilder line = new StringBuilder();
        if (m.outlet() != null) {
            line.append(m.outlet()).append(" · ");
        }
        line.append(m.language() != null ? Languages.nativeName(m.language()) : "language unknown");
        if (!story.single()) {
            line.append(" · ")
                    .append(
                            m.id().equals(story.lead())
                                    ? "lead"
                                    : String.format(Locale.ROOT, "similarity %.2f", m.similarity()));
            line.append(" · brief ").append(m.status());
        }
        return line.toString();
    }

    /** The plain-text block of sources, for the feed. */
    static String plain(StoryBrief story) {
        StringBuilder text = new StringBuilder("Sources:");
        for (StoryBrief.Member m : story.members()) {
            text.append("\n- ")
                    .append(m.url() != null ? m.url() : "file " + m.file())
                    .append(" (")
                    .append(details(story, m))
                    .append(")");
        }
        String lead = leadLine(story);
        if (lead != null) {
            text.append("\n").append(lead);
        }
        return text.toString();
    }

    /** The Markdown block of sources, for {@code digest.md}: only http(s) links are links. */
    static String markdown(StoryBrief story) {
        StringBuilder md = new StringBuilder();
        String lead = leadLine(story);
        if (lead != null) {
            md.append('*').append(MarkdownText.escape(lead)).append("*\n\n");
        }
        md.append(story.single() ? "Source:\n" : "Sources:\n");
        for (StoryBrief.Member m : story.members()) {
            md.append("- ")
                    .append(m.url() != null ? MarkdownText.link(m.url()) : "file " + MarkdownText.escape(m.file()))
                    .append(" · ")
                    .append(MarkdownText.escape(details(story, m)))
                    .append("\n");
        }
        return md.toString();
    }
}
