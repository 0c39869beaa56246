package dev.briefs.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A text as the name check looks names up in it: all its words, capitalised or not (Ukrainian
 * writes "росіяни" and, by choice, "путін" in lower case), as Latin forms ({@link LatinForm}),
 * and its acronyms, written ("ЗСУ", "рф") or made of its names' initials. A name of another
 * language is looked for through the names CLDR gives in both ({@link NameEquivalents}).
 */
final class NameLookup {

    private final CheckLanguage language;
    private final List<LatinForm> words;
    /** The words of its names that are no common words: the names Ukrainian derives words from. */
    private final List<LatinForm> nameWords;

    private final Set<String> acronyms;
    private final boolean hasShortAcronym;
    private final NameEquivalents equivalents;

    private NameLookup(
            CheckLanguage language,
            List<LatinForm> words,
            List<LatinForm> nameWords,
            Set<String> acronyms,
            boolean hasShortAcronym,
            NameEquivalents equivalents) {
        this.language = language;
        this.words = words;
        this.nameWords = nameWords;
        this.acronyms = acronyms;
        this.hasShortAcronym = hasShortAcronym;
        this.equivalents = equivalents;
    }

    static NameLookup of(String text, LanguageTools tools, NameEquivalents equivalents) {
        List<LatinForm> words = new ArrayList<>();
        Set<String> acronyms = new HashSet<>();
        boolean hasShortAcronym = false;
        for (Tokenizer.Token token : tools.tokenizer().tokens(text)) {
            if (token.word()) {
                words.add(tools.latin().of(token.text()));
                String acronym = Acronyms.in(token.text());
                if (acronym != null) {
                    acronyms.add(tools.latin().of(acronym).key());
                    hasShortAcronym |= acronym.length() <= Acronyms.SHORT;
                }
            }
        }
        List<LatinForm> nameWords = new ArrayList<>();
        for (NameExtractor.Name name : tools.names().names(text)) {
            acronyms.add(tools.latin().of(Acronyms.initials(name.words())).key());
            name.words().stream()
                    .filter(word -> !tools.common().isCommon(word))
                    .forEach(word -> nameWords.add(tools.latin().of(word)));
        }
        return new NameLookup(
                tools.language(),
                List.copyOf(words),
                List.copyOf(nameWords),
                Set.copyOf(acronyms),
                hasShortAcronym,
                equivalents);
    }

    CheckLanguage language() {
        return language;
    }

    /**
     * Whether words are an acronym of this text's or their initials are ("Russian Federation"
     * for "рф"), or, across languages, a short acronym where this text has one: short acronyms
     * are mostly translated ("KGB" for "КДБ").
     */
    boolean hasAcronymOf(List<String> names, LanguageTools namesLanguage) {
        String only = names.size() == 1 ? names.get(0) : null;
        if (only != null && !Acronyms.is(only)) {
            return false;
        }
        String initials = namesLanguage
                .latin()
                .of(only != null ? only : Acronyms.initials(names))
                .key();
        if (initials.length() >= 2 && acronyms.contains(initials)) {
            return true;
        }
        return only != null
                && language != namesLanguage.language()
                && only.length() <= Acronyms.SHORT
                && hasShortAcronym;
    }

    /** Whether this text has a word of {@code wordLanguage} as a name, in whatever spelling or case. */
    boolean has(LatinForm word, CheckLanguage wordLanguage) {
        if (words.stream().anyMatch(word::sameNameAs)) {
            return true;
        }
        if (wordLanguage == language) {
            return false;
        }
        if (wordLanguage == CheckLanguage.UK && nameWords.stream().anyMatch(word::derivesFrom)) {
            return true;
        }
        return hasAnyOf(equivalents.equivalents(word, wordLanguage, language));
    }

    /** Whether this text has one of the words, of its own language, in whatever spelling, case or part of speech. */
    boolean hasAnyOf(Set<LatinForm> inThisLanguage) {
        // one word in another case or part of speech shares the stem ("Russians", "Russia")
        return words.stream()
                .anyMatch(own -> inThisLanguage.stream()
                        .anyMatch(equivalent -> own.sameNameAs(equivalent)
                                || own.sameStemAs(equivalent)
                                || language == CheckLanguage.UK && own.compoundsWith(equivalent)));
    }
}
