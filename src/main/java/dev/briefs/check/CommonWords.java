package dev.briefs.check;

import dev.briefs.morphology.UkrainianDictionary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Words a language writes in lower case more often than capitalised: "bill", "state", "square",
 * "security". A translation capitalises them in titles and institutions ("the Bill", "State
 * Concern", "Federal Security Service") where its source has common words or an acronym, and no
 * transliteration can match those; a name is in its other words. For English the list comes from
 * case-sensitive word frequencies (made by {@code tools/lexicon/make_common_words.py}, which says
 * from where). Ukrainian capitalises common words only at a sentence's start and as the first
 * word of a name ("Червоний Хрест", "Революція Гідності"), so there a common word is any form of
 * a word its dictionary has as no proper noun ({@link UkrainianDictionary}).
 */
final class CommonWords {

    static final String ENGLISH_RESOURCE = "en-common-words.txt";

    /** Whether a word in lower case is a common word. */
    private final Predicate<String> lowerCase;
    /** Ukrainian's dictionary, which also tells places; null for English. */
    private final UkrainianDictionary dictionary;

    private CommonWords(Predicate<String> lowerCase, UkrainianDictionary dictionary) {
        this.lowerCase = lowerCase;
        this.dictionary = dictionary;
    }

    static CommonWords english() {
        return read(ENGLISH_RESOURCE);
    }

    /**
     * Ukrainian's: every form of a word its dictionary has as no proper noun, but for a
     * capitalised adjective of a place that it has ("Вишгородського", of Vyshhorod). A place
     * whose lower case is a common word ("Бучу", "бучу": uproar) is told by {@link #isPlace}.
     */
    static CommonWords of(UkrainianDictionary dictionary) {
        return new CommonWords(dictionary::isCommonWord, dictionary);
    }

    /**
     * Whether a word, as written, is a common word. An acronym ("UN", "TV") is written as a name
     * whatever its letters spell, so it never is.
     */
    boolean isCommon(String word) {
        return isCommonOpeningASentence(word)
                && !(isCapitalised(word) && dictionary != null && dictionary.isPlaceAdjective(word));
    }

    /**
     * Whether a word opening a sentence may be a common word: capitalised whatever it is, "Загін"
     * is a detachment there sooner than the village, so a name counts by its lower case.
     */
    boolean isCommonOpeningASentence(String word) {
        return !Acronyms.is(word) && lowerCase.test(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a capitalised word names a place ("Японії", "Бучу"; Ukrainian only), though its
     * lower case may be a common word ("буча", uproar): a place is a name of its own, also next to
     * a person's name ("Прем'єр-міністр Японії Фуміо Кісіда").
     */
    boolean isPlace(String word) {
        return isCapitalised(word) && dictionary != null && dictionary.isPlace(word);
    }

    private static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    /** Whether a word is a place and nothing else, so a name even opening a sentence (Ukrainian only). */
    boolean isOnlyPlace(String word) {
        return dictionary != null && dictionary.isOnlyPlace(word);
    }

    private static CommonWords read(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = CommonWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "fact checks: the word list " + resource + " is missing from the classpath"
                                + " (dev/briefs/check/); rebuild the jar, or make the list with tools/lexicon/make_common_words.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fact checks: cannot read the word list " + resource, e);
        }
        return new CommonWords(Set.copyOf(words)::contains, null);
    }
}
