package dev.briefs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * VESUM, the Ukrainian morphological dictionary of the brown-uk project (the
 * {@code ua.net.nlp:morfologik-ukrainian-lt} jar, as LanguageTool uses it), read with morfologik.
 * It has every inflected form of some 400,000 Ukrainian words, and tags proper nouns
 * ({@code :prop}): so "Червоного" and "Хреста" are forms of common words, and "Гостомеля" is
 * not. Ukrainian capitalises common words only at a sentence's start and as a name's first word
 * ("Верховна Рада", "Червоний Хрест"), so these are the words a translation may translate.
 */
final class UkrainianDictionary {

    static final String RESOURCE = "/org/languagetool/resource/uk/ukrainian.dict";
    private static final String PROPER_NOUN = ":prop";
    private static final String FIRST_NAME = ":fname";

    private final DictionaryLookup lookup;

    private UkrainianDictionary(DictionaryLookup lookup) {
        this.lookup = lookup;
    }

    static UkrainianDictionary load() {
        URL dictionary = UkrainianDictionary.class.getResource(RESOURCE);
        if (dictionary == null) {
            throw new IllegalStateException("fact checks: the Ukrainian dictionary " + RESOURCE + " is missing from the"
                    + " classpath; it comes with the ua.net.nlp:morfologik-ukrainian-lt dependency: rebuild the jar");
        }
        try {
            return new UkrainianDictionary(new DictionaryLookup(Dictionary.read(dictionary)));
        } catch (IOException e) {
            throw new UncheckedIOException("fact checks: cannot read the Ukrainian dictionary " + dictionary, e);
        }
    }

    /**
     * Whether a word, written in lower case, is a form of a Ukrainian word that is no proper
     * noun ("червоного", "рада", "якщо"). The lookup is not thread-safe, hence the lock.
     */
    synchronized boolean isCommonWord(String word) {
        // the dictionary writes the apostrophe as ASCII; texts also use ’ and ʼ
        String form = word.toLowerCase(Locale.forLanguageTag("uk")).replace('’', '\'').replace('ʼ', '\'');
        for (WordData reading : lookup.lookup(form)) {
            CharSequence tag = reading.getTag();
            if (tag != null && !tag.toString().contains(PROPER_NOUN)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word, as written, is a first name and nothing else ("Дмитро", "Валя"). */
    synchronized boolean isFirstName(String word) {
        List<WordData> readings = lookup.lookup(word.replace('’', '\'').replace('ʼ', '\''));
        return !readings.isEmpty() && readings.stream()
                .allMatch(reading -> reading.getTag() != null && reading.getTag().toString().contains(FIRST_NAME));
    }
}
