package dev.briefs.check;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds names (people, places, organisations) as sequences of capitalised words, with ICU's
 * sentence and word BreakIterators (see {@link Tokenizer}). A sentence's first word, or a quote's,
 * is capitalised whatever it is, so it counts only when the text also capitalises it elsewhere,
 * or when it is no common word ({@link CommonWords}) and the next word is a name word or the quote
 * closes: a quoted title ("“Ukrainska Pravda”", "“Viking”") or a name opening a sentence ("Dmytro
 * Kuleba said"), or when a dictionary knows it only as a place ("Маріуполь – це серце";
 * Ukrainian only). Words that are capitalised for
 * other reasons are left out: month and weekday names (from ICU's CLDR data; dates are the number
 * check's), titles before a name ("Mr", "Dr") and the pronoun "I" ("I’m").
 */
final class NameExtractor {

    /** Small words that join the capitalised words of one name ("Ministry of Defense", "Newark-on-Trent"). */
    private static final Set<String> JOINERS = Set.of(
            "of", "the", "on", "upon", "de", "del", "da", "di", "von", "van", "der", "den", "al", "el", "bin", "-");
    /** Titles and forms of address, written before a name and not part of it. */
    private static final Set<String> TITLES =
            Set.of("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "st", "mt", "пан", "пані");

    /** Marks that close a quote: a quote of one word that is no common word is a name ("“Viking”"). */
    private static final Set<String> CLOSING_QUOTES = Set.of("\"", "”", "»", "“", "’");

    private final Tokenizer tokenizer;
    private final CommonWords common;
    private final Set<String> calendarWords = new HashSet<>();

    NameExtractor(CheckLanguage language, Tokenizer tokenizer, CommonWords common) {
        this.tokenizer = tokenizer;
        this.common = common;
        ULocale locale = new ULocale(language.code());
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
            for (int width : new int[] {DateFormatSymbols.WIDE, DateFormatSymbols.ABBREVIATED}) {
                addLowerCase(symbols.getMonths(context, width));
                addLowerCase(symbols.getWeekdays(context, width));
            }
        }
    }

    /** A name as found, and its words without joiners. */
    record Name(String text, List<String> words) {}

    List<Name> names(String text) {
        List<Tokenizer.Token> tokens = tokenizer.tokens(text);
        Set<String> capitalisedInside = new HashSet<>();
        for (Tokenizer.Token token : tokens) {
            if (token.word() && !token.sentenceStart() && isCapitalised(token.text())) {
                capitalisedInside.add(token.text());
            }
        }
        List<Name> names = new ArrayList<>();
        List<Tokenizer.Token> current = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            Tokenizer.Token token = i < tokens.size() ? tokens.get(i) : null;
            if (token != null
                    && (isNameWord(tokens, i, capitalisedInside)
                            || !current.isEmpty() && isJoiner(token) && joinsName(tokens, i + 1, capitalisedInside))) {
                current.add(token);
            } else if (!current.isEmpty()) {
                names.add(name(text, current));
                current.clear();
            }
        }
        return names;
    }

    /** Whether the first token from {@code from} that is no joiner is a name word. */
    private boolean joinsName(List<Tokenizer.Token> tokens, int from, Set<String> capitalisedInside) {
        for (int i = from; i < tokens.size(); i++) {
            if (!isJoiner(tokens.get(i))) {
                return isNameWord(tokens, i, capitalisedInside);
            }
        }
        return false;
    }

    private static boolean isJoiner(Tokenizer.Token token) {
        return JOINERS.contains(token.text().toLowerCase(Locale.ROOT));
    }

    private boolean isNameWord(List<Tokenizer.Token> tokens, int at, Set<String> capitalisedInside) {
        Tokenizer.Token token = tokens.get(at);
        if (!isCapitalisedWord(token) || !isNameLike(token.text())) {
            return false;
        }
        if (!token.sentenceStart() || capitalisedInside.contains(token.text())) {
            return true;
        }
        Tokenizer.Token next = at + 1 < tokens.size() ? tokens.get(at + 1) : null;
        return !common.isCommonOpeningASentence(token.text())
                && (common.isOnlyPlace(token.text())
                        || next != null && (isInsideNameWord(next) || CLOSING_QUOTES.contains(next.text())));
    }

    /** A capitalised word past a sentence's start, with nothing between it and the word before. */
    private boolean isInsideNameWord(Tokenizer.Token token) {
        return isCapitalisedWord(token) && !token.sentenceStart() && isNameLike(token.text());
    }

    private static boolean isCapitalisedWord(Tokenizer.Token token) {
        return token.word()
                && isCapitalised(token.text())
                && token.text().codePointCount(0, token.text().length()) > 1;
    }

    private boolean isNameLike(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return !calendarWords.contains(lower)
                && !TITLES.contains(lower)
                && !lower.startsWith("i'")
                && !lower.startsWith("i’");
    }

    private static Name name(String text, List<Tokenizer.Token> tokens) {
        List<String> words = new ArrayList<>();
        for (Tokenizer.Token token : tokens) {
            if (!isJoiner(token)) {
                words.add(token.text());
            }
        }
        return new Name(
                text.substring(
                        tokens.get(0).start(), tokens.get(tokens.size() - 1).end()),
                List.copyOf(words));
    }

    private static boolean isCapitalised(String word) {
        return !word.isEmpty() && UCharacter.isUUppercase(word.codePointAt(0));
    }

    private void addLowerCase(String[] names) {
        for (String name : names) {
            if (!name.isEmpty()) {
                calendarWords.add(name.toLowerCase(Locale.ROOT).replace(".", ""));
            }
        }
    }
}
