package dev.briefs.style;

import java.util.ArrayList;
import java.util.List;

/**
 * A term of the style file as the matcher reads it: its words, and what stands between them ("Верховна
 * Рада": a space; "Івано-Франківськ": a hyphen). A text matches where it has words that match these, with
 * the same marks between them (any run of spaces counting as one).
 *
 * @param text  the term as the style file writes it
 * @param words its words, by the same tokenizer as the text
 * @param gaps  what stands between word i and word i + 1, spaces collapsed to one
 */
record Term(String text, List<String> words, List<String> gaps) {

    static Term of(String text, Words tokenizer) {
        List<Words.Word> found = tokenizer.of(text);
        List<String> words = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            words.add(found.get(i).text());
            if (i > 0) {
                gaps.add(gap(text, found.get(i - 1).end(), found.get(i).start()));
            }
        }
        return new Term(text, List.copyOf(words), List.copyOf(gaps));
    }

    /** The text between two words, its spaces collapsed: what two words of a term must have between them. */
    static String gap(String text, int from, int to) {
        return text.substring(from, to).replaceAll("\\s+", " ");
    }

    /** Whether the tokenizer found no word in it ("—", "..."): nothing a text could match. */
    boolean empty() {
        return words.isEmpty();
    }
}
