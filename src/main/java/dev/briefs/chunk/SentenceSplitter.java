package dev.briefs.chunk;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences with ICU's sentence BreakIterator, with the locale's abbreviation
 * suppressions ({@code ss=standard}) so that "U.S." or "Dr." do not end a sentence.
 * Paragraph breaks always end a sentence (headlines and datelines have no final period).
 * ICU iterators are not thread-safe, so each call clones a prototype.
 */
public final class SentenceSplitter {

    private final String language;
    private final BreakIterator prototype;

    public SentenceSplitter(String language) {
        this.language = language;
        this.prototype = BreakIterator.getSentenceInstance(new ULocale(language + "@ss=standard"));
    }

    public String language() {
        return language;
    }

    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            BreakIterator it = (BreakIterator) prototype.clone();
            it.setText(paragraph);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String sentence = paragraph.substring(start, end).strip().replaceAll("\\s+", " ");
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
