package dev.briefs.brief;

/**
 * Article text is untrusted: written into Markdown as is, it could open links, inject raw HTML
 * or change the document's structure wherever the Markdown is rendered. Everything that has a
 * meaning in Markdown or HTML is escaped, so the text shows as the characters it is.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link target: only http(s) URLs become links; anything else is shown as escaped text. */
    static String link(String url) {
        if (url != null && url.matches("(?i)https?://[^\\s<>()\\[\\]`\"']+")) {
            return "<" + url + ">";
        }
        return url == null ? "" : escape(url);
    }
}
