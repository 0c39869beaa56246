package dev.briefs.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python {@code str} operations that sacrebleu and rouge-score build on, with Python's
 * meaning of whitespace ({@code str.isspace}), which is not Java's: Python counts no-break spaces
 * (U+00A0, U+2007, U+202F) and U+0085 as whitespace, so {@code split()} splits at them.
 */
final class PythonText {

    private PythonText() {}

    /** {@code chr(cp).isspace()} in Python 3.11 (Unicode 14): bidi classes WS, B, S and category Zs. */
    static boolean isSpace(int cp) {
        return switch (cp) {
            case 0x09,
                    0x0A,
                    0x0B,
                    0x0C,
                    0x0D,
                    0x1C,
                    0x1D,
                    0x1E,
                    0x1F,
                    0x20,
                    0x85,
                    0xA0,
                    0x1680,
                    0x2028,
                    0x2029,
                    0x202F,
                    0x205F,
                    0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** {@code s.split()}: the runs of non-whitespace, never an empty one. */
    static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    parts.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            parts.add(s.substring(start));
        }
        return parts;
    }

    /** {@code s.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** {@code ''.join(s.split())} as code points: what chrF takes its character n-grams from. */
    static int[] codePointsWithoutSpaces(String s) {
        return s.codePoints().filter(cp -> !isSpace(cp)).toArray();
    }
}
