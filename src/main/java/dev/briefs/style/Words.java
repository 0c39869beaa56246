package dev.briefs.style;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text in one language, by ICU's word and sentence BreakIterators, each with whether it
 * opens a sentence (where a term written in lower case may stand capitalised). An English word loses its
 * possessive "'s" ("Kiev's" is the word "Kiev"), so that a term matches it and a replacement keeps the "'s".
 * ICU iterators are not thread-safe: each call clones the prototypes.
 */
final class Words {

    /** Marks after which a capital says nothing about the word: an opening quote, a colon, an ellipsis. */
    private static final Set<String> OPENERS = Set.of("\"", "“", "„", "«", "‘", ":", "…", "(", "—", "–");

    /** One word of a text at {@code start} to {@code end}. */
    record Word(String text, int start, int end, boolean sentenceStart) {}

    private final boolean english;
    private final BreakIterator sentences;
    private final BreakIterator words;

    Words(String language) {
        ULocale locale = new ULocale(language);
        this.english = language.equals("en");
        this.sentences = BreakIterator.getSentenceInstance(locale);
        this.words = BreakIterator.getWordInstance(locale);
    }

    /** The words of a text, in order; numbers count as words, punctuation and spaces do not. */
    List<Word> of(String text) {
        List<Word> found = new ArrayList<>();
        BreakIterator sentence;
        BreakIterator word;
        synchronized (this) {
            sentence = (BreakIterator) sentences.clone();
            word = (BreakIterator) words.clone();
        }
        sentence.setText(text);
        int sentenceStart = sentence.first();
        for (int sentenceEnd = sentence.next();
                sentenceEnd != BreakIterator.DONE;
                sentenceStart = sentenceEnd, sentenceEnd = sentence.next()) {
            word.setText(text.substring(sentenceStart, sentenceEnd));
            boolean first = true;
            int start = word.first();
            for (int end = word.next(); end != BreakIterator.DONE; start = end, end = word.next()) {
                String token = text.substring(sentenceStart + start, sentenceStart + end);
                boolean isWord = word.getRuleStatus() >= BreakIterator.WORD_NUMBER;
                if (OPENERS.contains(token)) {
                    first = true;
                } else if (isWord) {
                    String bare = withoutPossessive(token);
                    found.add(new Word(bare, sentenceStart + start, sentenceStart + start + bare.length(), first));
                    first = false;
                }
            }
        }
        return found;
    }

    /** "Kiev's" is Kiev, "Zelenskyy’s" Zelenskyy; other languages keep their apostrophes ("м'ясо"). */
    private String withoutPossessive(String token) {
        if (english && token.length() > 2) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.endsWith("'s") || lower.endsWith("’s")) {
                return token.substring(0, token.length() - 2);
            }
        }
        return token;
    }
}
