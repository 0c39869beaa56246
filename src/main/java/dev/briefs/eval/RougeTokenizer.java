package dev.briefs.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How ROUGE splits a text into words. */
public enum RougeTokenizer {

    /**
     * rouge-score's default tokenizer, without stemming: lowercase, every run of characters other
     * than ASCII {@code a-z0-9} becomes a space, split. Cyrillic (and every other non-Latin script)
     * is dropped entirely, so a Ukrainian text keeps only its numbers and Latin words: that is what
     * published rouge-score figures mean, and what this reproduces.
     */
    ROUGE_SCORE("rouge-score") {
        @Override
        public List<String> tokens(String text) {
            // Java's root-locale lowercasing agrees with Python's str.lower() on the only two non-ASCII
            // characters that lowercase into a-z (U+0130 and U+212A); the fixtures check both.
            String ascii =
                    NON_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
            List<String> tokens = new ArrayList<>();
            for (String t : ascii.split(" ")) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
            return tokens;
        }
    },

    /**
     * Not rouge-score's: the same rule with letters, marks and digits of every script in place of
     * {@code a-z0-9}, so that Ukrainian words count. On ASCII text it gives rouge-score's tokens.
     */
    UNICODE("unicode") {
        @Override
        public List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            for (String t : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
            return tokens;
        }
    };

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private final String optionName;

    RougeTokenizer(String optionName) {
        this.optionName = optionName;
    }

    public abstract List<String> tokens(String text);

    /** Its name on the command line and in a score's signature. */
    public String optionName() {
        return optionName;
    }

    /** The tokenizer named so, or null. */
    public static RougeTokenizer named(String name) {
        for (RougeTokenizer t : values()) {
            if (t.optionName.equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        return null;
    }
}
