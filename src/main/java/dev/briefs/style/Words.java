package dev.briefs.style;

import dev.briefs.check.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words of a text in one language, each with whether it opens a sentence (where a term written in lower
 * case may stand capitalised), split as the fact checks split them ({@link Tokenizer}: ICU's word and sentence
 * BreakIterators). An English word loses its possessive "'s" ("Kiev's" is the word "Kiev"), so that a term
 * matches it and a replacement keeps the "'s".
 */
final class Words {

    /** Besides quotes, a colon and an ellipsis: after a bracket or a dash a capital says nothing about the word. */
    private static final Set<String> MORE_OPENERS = Set.of("(", "—", "–");

    /** One word of a text at {@code start} to {@code end}. */
    record Word(String text, int start, int end, boolean sentenceStart) {}

    private final Tokenizer tokenizer;

    Words(String language) {
        this.tokenizer = new Tokenizer(language, MORE_OPENERS);
    }

    /** The words of a text, in order; numbers count as words, punctuation and spaces do not. */
    List<Word> of(String text) {
        List<Word> found = new ArrayList<>();
        for (Tokenizer.Token token : tokenizer.tokens(text)) {
            if (token.word()) {
                found.add(new Word(token.text(), token.start(), token.end(), token.sentenceStart()));
            }
        }
        return found;
    }
}
