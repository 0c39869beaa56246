package dev.briefs.brief;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article text is untrusted: written into Markdown as is, it could open links, inject raw HTML
 * or change the document's structure wherever the Markdown is rendered. Everything that has a
 * meaning in Markdown or HTML is escaped, so the text shows as the characters it is.
 *
 * <p>GitHub-flavoured Markdown also turns bare {@code https://…}, {@code www.…} and e-mail
 * addresses into links, with no syntax to escape. A word that looks like one is put in a code
 * span: renderers never look for links in code, and the reader still sees (and copies) exactly
 * the article's characters. A backslash before the colon is not enough: renderers that merge
 * the escaped character back into the text around it (commonmark-java does) link it anyway.
 */
final class MarkdownText {

    /** What GFM's autolinking (and commonmark-java's, which takes any scheme) starts a link from. */
    private static final Pattern LINKABLE = Pattern.compile("(?i)://|www\\.|[a-z0-9]@[a-z0-9-]+\\.[a-z]");

    private static final Pattern WORD = Pattern.compile("\\S+");

    private MarkdownText() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher word = WORD.matcher(text);
        int last = 0;
        while (word.find()) {
            escapeChars(text, last, word.start(), out);
            if (LINKABLE.matcher(word.group()).find()) {
                out.append(codeSpan(word.group()));
            } else {
                escapeChars(text, word.start(), word.end(), out);
            }
            last = word.end();
        }
        escapeChars(text, last, text.length(), out);
        return out.toString();
    }

    private static void escapeChars(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~' ->
                    out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }

    /** A code span whose fence is longer than any run of backticks in the word, so that the word cannot close it. */
    private static String codeSpan(String word) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            run = word.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = word.startsWith("`") || word.endsWith("`") ? " " : "";
        return fence + pad + word + pad + fence;
    }

    /** A link target: only http(s) URLs become links; anything else is shown as escaped text. */
    static String link(String url) {
        if (url != null && url.matches("(?i)https?://[^\\s<>()\\[\\]`\"']+")) {
            return "<" + url + ">";
        }
        return url == null ? "" : escape(url);
    }
}
