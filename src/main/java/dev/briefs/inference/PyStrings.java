package dev.briefs.inference;

/** Python's {@code str.strip} family, whose idea of white space the tokenizers' Python code relies on. */
final class PyStrings {

    private PyStrings() {}

    /** Python's str.isspace(): Java's isWhitespace lacks NBSP and the other Zs spaces, and U+0085. */
    private static boolean pySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static String lstrip(String s) {
        int i = 0;
        while (i < s.length() && pySpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    static String rstrip(String s) {
        int j = s.length();
        while (j > 0 && pySpace(s.charAt(j - 1))) {
            j--;
        }
        return s.substring(0, j);
    }
}
