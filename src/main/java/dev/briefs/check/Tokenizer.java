package dev.briefs.check;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a text into sentences and words with ICU's BreakIterators for its language. */
final class Tokenizer {

    /** Marks after which a capital says nothing about the word: an opening quote, a colon, an ellipsis. */
    private static final Set<String> OPENERS = Set.of("\"", "“", "„", "«", "‘", ":", "…");

    private final CheckLanguage language;
    private final BreakIterator sentences;
    private final BreakIterator words;

    Tokenizer(CheckLanguage language) {
        this.language = language;
        ULocale locale = new ULocale(language.code());
        this.sentences = BreakIterator.getSentenceInstance(locale);
        this.words = BreakIterator.getWordInstance(locale);
    }

    /** A word, number or punctuation mark of a text, at {@code start} to {@code end}. */
    record Token(String text, int start, int end, boolean sentenceStart, boolean word) {}

    /** The sentences of a text, stripped. */
    synchronized List<String> sentences(String text) {
        List<String> found = new ArrayList<>();
        BreakIterator sentence = (BreakIterator) sentences.clone();
        sentence.setText(text);
        int start = sentence.first();
        for (int end = sentence.next(); end != BreakIterator.DONE; start = end, end = sentence.next()) {
            if (!text.substring(start, end).isBlank()) {
                found.add(text.substring(start, end).strip());
            }
        }
        return found;
    }

    /** The tokens of a text, each with whether it starts a sentence; ICU iterators are not thread-safe, hence the clones. */
    synchronized List<Token> tokens(String text) {
        List<Token> found = new ArrayList<>();
        BreakIterator sentence = (BreakIterator) sentences.clone();
        BreakIterator word = (BreakIterator) words.clone();
        sentence.setText(text);
        int sentenceStart = sentence.first();
        for (int sentenceEnd = sentence.next();
                sentenceEnd != BreakIterator.DONE;
                sentenceStart = sentenceEnd, sentenceEnd = sentence.next()) {
            word.setText(text.substring(sentenceStart, sentenceEnd));
            boolean first = true;
            int start = word.first();
            for (int end = word.next(); end != BreakIterator.DONE; start = end, end = word.next()) {
                boolean isWord = word.getRuleStatus() >= BreakIterator.WORD_NUMBER;
                String token = text.substring(sentenceStart + start, sentenceStart + end);
                if (OPENERS.contains(token)) {
                    // quoted speech and what follows a colon start with a capital whatever the word
                    first = true;
                }
                if (!token.isBlank()) {
                    String bare = isWord ? withoutClitic(token) : token;
                    found.add(new Token(
                            bare,
                            sentenceStart + start,
                            sentenceStart + start + bare.length(),
                            isWord && first,
                            isWord));
                    first &= !isWord;
                }
            }
        }
        return found;
    }

    /** "Aslin’s" is Aslin; "Zelenskyy's" Zelenskyy. */
    private String withoutClitic(String token) {
        if (language == CheckLanguage.EN && token.length() > 2) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.endsWith("'s") || lower.endsWith("’s")) {
                return token.substring(0, token.length() - 2);
            }
        }
        return token;
    }
}
