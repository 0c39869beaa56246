package dev.briefs.morphology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * VESUM, the Ukrainian morphological dictionary of the brown-uk project (the
 * {@code ua.net.nlp:morfologik-ukrainian-lt} jar, as LanguageTool uses it), read with morfologik:
 * the fact checks ({@code check}) ask it what a word is, the house style ({@code style}) which words
 * are forms of one lemma and what a lemma's form in a given case is.
 * It has every inflected form of some 400,000 Ukrainian words, and tags proper nouns
 * ({@code :prop}): so "Червоного" and "Хреста" are forms of common words, and "Гостомеля" is
 * not. Ukrainian capitalises common words only at a sentence's start and as a name's first word
 * ("Верховна Рада", "Червоний Хрест"), so these are the words a translation may translate.
 */
public final class UkrainianDictionary {

    static final String RESOURCE = "/org/languagetool/resource/uk/ukrainian.dict";
    private static final String PROPER_NOUN = ":prop";
    private static final String FIRST_NAME = ":fname";
    private static final String PLACE = ":geo";
    /** Ukrainian's adjectives from names of places and peoples: "вишгородський", "донецький", "французький". */
    public static final Pattern NAME_ADJECTIVE = Pattern.compile(".{2,}[сцз]ький");

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    /** One reading of a word form: its lemma and VESUM's tag ("російський", "adj:p:v_naz:compb"). */
    public record Reading(String lemma, String tag) {

        public boolean properNoun() {
            return tag.contains(PROPER_NOUN);
        }

        public boolean place() {
            return properNoun() && tag.contains(PLACE);
        }

        public boolean adjective() {
            return tag.startsWith("adj");
        }
    }

    private final DictionaryLookup lookup;

    private UkrainianDictionary(DictionaryLookup lookup) {
        this.lookup = lookup;
    }

    public static UkrainianDictionary load() {
        URL dictionary = UkrainianDictionary.class.getResource(RESOURCE);
        if (dictionary == null) {
            throw new IllegalStateException("the Ukrainian dictionary " + RESOURCE + " is missing from the"
                    + " classpath; it comes with the ua.net.nlp:morfologik-ukrainian-lt dependency: rebuild the jar");
        }
        try {
            return new UkrainianDictionary(new DictionaryLookup(Dictionary.read(dictionary)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Ukrainian dictionary " + dictionary, e);
        }
    }

    /**
     * Whether a word, written in lower case, is a form of a Ukrainian word that is no proper
     * noun ("червоного", "рада", "якщо"). The lookup is not thread-safe, hence the lock.
     */
    public synchronized boolean isCommonWord(String word) {
        String form = apostrophes(word.toLowerCase(UKRAINIAN));
        for (WordData reading : lookup.lookup(form)) {
            CharSequence tag = reading.getTag();
            if (tag != null && !tag.toString().contains(PROPER_NOUN)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The readings of a word as written: VESUM is case-sensitive, so "Бучу" is the town and
     * "бучу" a form of "буча" (uproar); lower-case "росії" is Russia too (tagged as an alternative
     * spelling).
     */
    public synchronized List<Reading> readings(String word) {
        List<Reading> readings = new ArrayList<>();
        for (WordData reading : lookup.lookup(apostrophes(word))) {
            if (reading.getTag() != null && reading.getStem() != null) {
                readings.add(new Reading(
                        reading.getStem().toString(), reading.getTag().toString()));
            }
        }
        return readings;
    }

    /**
     * Whether a word, as written, is the name of a place and not a first name ("Бучу", "Білорусі",
     * "Японії"; not "Надія", a first name and a village), nor an adjective in lower case: "Білого"
     * and "Чорного" are villages, but mostly open names of common words ("Білого Дому", "Чорного
     * моря"). A capitalised word inside a sentence is a name, so such a word may name its place
     * even where its lower case is a common word ("Бучу", "буча": uproar).
     */
    public boolean isPlace(String word) {
        List<Reading> readings = readings(word);
        return readings.stream().anyMatch(Reading::place)
                && readings.stream().noneMatch(reading -> reading.tag().contains(FIRST_NAME))
                && readings(word.toLowerCase(UKRAINIAN)).stream().noneMatch(Reading::adjective);
    }

    /**
     * Whether a word is an adjective of a place that VESUM has: the adjective less its ending
     * ("Донецьк"), less its suffix ("Вишгород", "Київ"), or that with the ending of a feminine or
     * plural name ("Одес-а", "Бровар-и").
     */
    public boolean isPlaceAdjective(String word) {
        for (Reading reading : readings(word.toLowerCase(UKRAINIAN))) {
            String lemma = reading.lemma();
            if (reading.adjective() && NAME_ADJECTIVE.matcher(lemma).matches()) {
                String stem = lemma.substring(0, lemma.length() - "ський".length());
                for (String place : List.of(lemma.substring(0, lemma.length() - 2), stem, stem + "а", stem + "и")) {
                    String name = place.substring(0, 1).toUpperCase(UKRAINIAN) + place.substring(1);
                    if (readings(name).stream().anyMatch(Reading::place)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a word, as written, is a place and none of its lower-case forms a common word
     * ("Маріуполь"; not "Загін", a village and a detachment). People's names are left out: a
     * translation spells them in ways transliteration misses more often ("Уолт", "Walt").
     */
    public boolean isOnlyPlace(String word) {
        return readings(word).stream().anyMatch(Reading::place) && !isCommonWord(word);
    }

    /** Whether a word, as written, is a first name and nothing else ("Дмитро", "Валя"). */
    public synchronized boolean isFirstName(String word) {
        List<WordData> readings = lookup.lookup(apostrophes(word));
        return !readings.isEmpty()
                && readings.stream()
                        .allMatch(reading -> reading.getTag() != null
                                && reading.getTag().toString().contains(FIRST_NAME));
    }

    /** The dictionary writes the apostrophe as ASCII; texts also use ’ and ʼ. */
    private static String apostrophes(String word) {
        return word.replace('’', '\'').replace('ʼ', '\'');
    }
}
