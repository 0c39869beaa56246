package dev.briefs.brief;

/**
 * Article text comes from anywhere and may hold characters that XML 1.0 cannot carry at all, not
 * even escaped (most control characters, a lone surrogate): a feed with one of them is not
 * well-formed and a reader rejects the whole day. They carry no meaning in a brief, so they go.
 */
final class XmlText {

    private XmlText() {}

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!allowed(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** The Char production of XML 1.0; a lone surrogate comes out of codePointAt as itself and fails it. */
    private static boolean allowed(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
