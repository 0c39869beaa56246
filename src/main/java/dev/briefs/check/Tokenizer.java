package dev.briefs.check;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into sentences and words with ICU's BreakIterators for its language; the fact checks and the
 * house style ({@code style.Words}) both split with it. ICU iterators are not thread-safe: each call clones the
 * prototypes.
 */
public final class Tokenizer {

    /** Marks after which a capital says nothing about the word: an opening quote, a colon, an ellipsis. */
    private static final Set<String> OPENERS = Set.of("\"", "“", "„", "«", "‘", ":", "…");

    private final boolean english;
    private final Set<String> openers;
    private final BreakIterator sentences;
    private final BreakIterator words;

    Tokenizer(CheckLanguage language) {
        this(language.code(), Set.of());
    }

    /**
     * @param language an ISO 639-1 code such as {@code en} or {@code uk}
     * @param moreOpeners marks after which a word also counts as a sentence's first, besides the quotes, the
     *     colon and the ellipsis
     */
    public Tokenizer(String language, Set<String> moreOpeners) {
        this.english = language.equals("en");
        Set<String> all = new HashSet<>(OPENERS);
        all.addAll(moreOpeners);
        this.openers = Set.copyOf(all);
        ULocale locale = new ULocale(language);
        this.sentences = BreakIterator.getSentenceInstance(locale);
        this.words = BreakIterator.getWordInstance(locale);
    }

    /** A word, number or punctuation mark of a text, at {@code start} to {@code end}. */
    public record Token(String text, int start, int end, boolean sentenceStart, boolean word) {}

    /** The sentences of a text, stripped. */
    List<String> sentences(String text) {
        List<String> found = new ArrayList<>();
        BreakIterator sentence;
        synchronized (this) {
            sentence = (BreakIterator) sentences.clone();
        }
        sentence.setText(text);
        int start = sentence.first();
        for (int end = sentence.next(); end != BreakIterator.DONE; start = end, end = sentence.next()) {
            if (!text.substring(start, end).isBlank()) {
                found.add(text.substring(start, end).strip());
            }
        }
        return found;
    }

    /**
     * The tokens of a text, spaces left out, each with whether it is a word (numbers count as words) and whether
     * it starts a sentence. An English word loses its possessive "'s".
     */
    public List<Token> tokens(String text) {
        List<Token> found = new ArrayList<>();
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
                boolean isWord = word.getRuleStatus() >= BreakIterator.WORD_NUMBER;
                String token = text.substring(sentenceStart + start, sentenceStart + end);
                if (openers.contains(token)) {
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

    /** "Aslin’s" is Aslin; "Zelenskyy's" Zelenskyy; other languages keep their apostrophes ("м'ясо"). */
    private String withoutClitic(String token) {
        if (english && token.length() > 2) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.endsWith("'s") || lower.endsWith("’s")) {
                return token.substring(0, token.length() - 2);
            }
        }
        return token;
    }
}
