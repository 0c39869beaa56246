package dev.briefs.style;

import dev.briefs.style.Words.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a set of terms in texts of one language. A text's words match a term's words one by one, with the same
 * marks between them:
 *
 * <ul>
 *   <li>as written, or capitalised where the word opens a sentence ("the" of "the Armed Forces of Ukraine" as
 *       "The"); a term in capitals ("ЗСУ") only in capitals, a capitalised one only capitalised;
 *   <li>where the language has a dictionary (Ukrainian), also through a common lemma, written with the same
 *       capital: "Києва" and "Києві" are "Київ", "Верховної Ради" is "Верховна Рада", "ради" is not.
 * </ul>
 *
 * Where terms overlap, the longest from the leftmost word wins; occurrences never overlap.
 */
final class TermFinder {

    private record Compiled(Term term, List<Set<String>> lemmas) {}

    private final Words words;
    private final Morphology morphology;
    private final Occurrence.Kind kind;
    private final List<Compiled> terms = new ArrayList<>();

    TermFinder(Words words, Morphology morphology, Occurrence.Kind kind, List<String> terms) {
        this.words = words;
        this.morphology = morphology;
        this.kind = kind;
        for (String text : terms) {
            Term term = Term.of(text, words);
            if (!term.empty()) {
                this.terms.add(new Compiled(
                        term, term.words().stream().map(morphology::lemmas).toList()));
            }
        }
    }

    List<Occurrence> find(String text) {
        return find(text, words.of(text));
    }

    /** The terms in a text whose words are already known. */
    List<Occurrence> find(String text, List<Word> textWords) {
        List<Occurrence> found = new ArrayList<>();
        Map<Integer, Set<String>> lemmaCache = new HashMap<>();
        int i = 0;
        while (i < textWords.size()) {
            Compiled best = null;
            for (Compiled term : terms) {
                if (matchesAt(text, textWords, i, term, lemmaCache)
                        && (best == null
                                || term.term().words().size()
                                        > best.term().words().size())) {
                    best = term;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            Word first = textWords.get(i);
            Word last = textWords.get(i + best.term().words().size() - 1);
            found.add(new Occurrence(
                    kind, best.term().text(), text.substring(first.start(), last.end()), first.start(), last.end()));
            i += best.term().words().size();
        }
        return found;
    }

    /** Whether the text's words from {@code at} on are the term's. */
    private boolean matchesAt(
            String text, List<Word> textWords, int at, Compiled term, Map<Integer, Set<String>> cache) {
        List<String> termWords = term.term().words();
        if (at + termWords.size() > textWords.size()) {
            return false;
        }
        for (int j = 0; j < termWords.size(); j++) {
            int index = at + j;
            Word word = textWords.get(index);
            if (j > 0) {
                Word before = textWords.get(index - 1);
                if (!Term.gap(text, before.end(), word.start())
                        .equals(term.term().gaps().get(j - 1))) {
                    return false;
                }
            }
            if (!sameShape(word, termWords.get(j))) {
                return false;
            }
            if (sameSpelling(word, termWords.get(j))) {
                continue;
            }
            Set<String> termLemmas = term.lemmas().get(j);
            if (termLemmas.isEmpty()
                    || Collections.disjoint(
                            termLemmas, cache.computeIfAbsent(index, k -> morphology.lemmas(word.text())))) {
                return false;
            }
        }
        return true;
    }

    /** The word as the term writes it, or capitalised at a sentence's start. */
    static boolean sameSpelling(Word word, String termWord) {
        return word.text().equals(termWord)
                || word.sentenceStart() && word.text().equals(capitalised(termWord));
    }

    /**
     * Capitals where the term has them: an acronym ("ЗСУ", "NATO") only in capitals, a capitalised word only
     * capitalised, a word in lower case in lower case or, opening a sentence, capitalised.
     */
    static boolean sameShape(Word word, String termWord) {
        if (isAcronym(termWord)) {
            return word.text().codePoints().noneMatch(Character::isLowerCase);
        }
        boolean termCapital = Character.isUpperCase(termWord.codePointAt(0));
        boolean wordCapital = Character.isUpperCase(word.text().codePointAt(0));
        return termCapital == wordCapital || !termCapital && word.sentenceStart();
    }

    static boolean isAcronym(String word) {
        return word.codePoints().filter(Character::isLetter).count() > 1
                && word.codePoints().noneMatch(Character::isLowerCase);
    }

    static String capitalised(String word) {
        if (word.isEmpty()) {
            return word;
        }
        int first = word.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toUpperCase(first))
                .append(word, Character.charCount(first), word.length())
                .toString();
    }
}
