package dev.briefs.style;

import dev.briefs.morphology.UkrainianDictionary;
import dev.briefs.morphology.UkrainianDictionary.Reading;
import dev.briefs.morphology.UkrainianSynthesis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the style knows of a language's words: their readings (lemma and tag) and the form of a lemma with a
 * given tag. Ukrainian's come from VESUM ({@link UkrainianDictionary}, {@link UkrainianSynthesis}); a language
 * without a dictionary has none, and its terms match as written.
 */
final class Morphology {

    private static final Morphology NONE = new Morphology(word -> List.of(), (lemma, tag) -> List.of());

    private final Function<String, List<Reading>> readings;
    private final BiFunction<String, String, List<String>> forms;

    private Morphology(Function<String, List<Reading>> readings, BiFunction<String, String, List<String>> forms) {
        this.readings = readings;
        this.forms = forms;
    }

    /** Ukrainian's, from VESUM; nothing for the others. Loading VESUM's two dictionaries takes a second or so. */
    static Morphology of(String language) {
        if (!language.equals("uk")) {
            return NONE;
        }
        UkrainianDictionary dictionary = UkrainianDictionary.load();
        UkrainianSynthesis synthesis = UkrainianSynthesis.load();
        return new Morphology(dictionary::readings, synthesis::forms);
    }

    boolean known() {
        return this != NONE;
    }

    /**
     * A word's readings as written and, when it has capitals, in lower case: VESUM is case-sensitive, and has
     * "Київ" as written but "верховна" only in lower case ("Верховна Рада").
     */
    List<Reading> readings(String word) {
        List<Reading> found = new ArrayList<>(readings.apply(word));
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lower.equals(word)) {
            found.addAll(readings.apply(lower));
        }
        return found;
    }

    /** The lemmas of a word, in lower case, so that a capitalised name and its common word meet ("Рада", "рада"). */
    Set<String> lemmas(String word) {
        Set<String> lemmas = new LinkedHashSet<>();
        for (Reading reading : readings(word)) {
            lemmas.add(reading.lemma().toLowerCase(Locale.ROOT));
        }
        return lemmas;
    }

    /** The forms of a lemma with exactly this tag; none when the dictionary has no such form. */
    List<String> forms(String lemma, String tag) {
        return forms.apply(lemma, tag);
    }
}
