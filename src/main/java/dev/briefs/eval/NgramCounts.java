package dev.briefs.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A multiset of n-grams (Python's {@code collections.Counter} as sacrebleu and rouge-score use it). */
final class NgramCounts {

    private final Map<String, Integer> counts = new HashMap<>();
    private int total;

    /**
     * The n-grams of order n of the tokens. Tokens never hold a space (they come from a split at
     * whitespace), so joining them with one is a unique key.
     */
    static NgramCounts ofWords(List<String> tokens, int n) {
        NgramCounts c = new NgramCounts();
        for (int i = 0; i + n <= tokens.size(); i++) {
            c.add(String.join(" ", tokens.subList(i, i + n)));
        }
        return c;
    }

    /** The character n-grams of order n, counted in code points as Python slices a str. */
    static NgramCounts ofChars(int[] codePoints, int n) {
        NgramCounts c = new NgramCounts();
        for (int i = 0; i + n <= codePoints.length; i++) {
            c.add(new String(codePoints, i, n));
        }
        return c;
    }

    private void add(String key) {
        counts.merge(key, 1, Integer::sum);
        total++;
    }

    /** How many n-grams, repeats included. */
    int total() {
        return total;
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** The clipped matches: for each n-gram, the smaller of its counts here and there. */
    int overlap(NgramCounts other) {
        int matches = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer theirs = other.counts.get(e.getKey());
            if (theirs != null) {
                matches += Math.min(e.getValue(), theirs);
            }
        }
        return matches;
    }
}
