package dev.briefs.summarise;

import java.util.Arrays;

/** Word counting for brief limits: whitespace-separated tokens, as a reader counts them. */
public final class Words {

    private Words() {}

    public static int count(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    static String truncate(String text, int maxWords) {
        String[] words = text.strip().split("\\s+");
        if (words.length <= maxWords) {
            return text.strip();
        }
        return String.join(" ", Arrays.copyOf(words, maxWords)) + "…";
    }
}
