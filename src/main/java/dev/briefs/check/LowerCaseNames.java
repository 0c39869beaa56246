package dev.briefs.check;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;
import dev.briefs.morphology.UkrainianDictionary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ukrainian words for countries, peoples and languages that Ukrainian does not write as names,
 * so that a translation must keep them as well as its source's names: adjectives and languages,
 * which Ukrainian writes in lower case ("російські", "латинською", "білоруському"), such a word
 * opening a sentence ("Російські військові") or in a name of common words ("Європейська
 * правда"), and a country written in lower case by choice ("на росії").
 *
 * <p>A word is one when VESUM ({@link UkrainianDictionary}) gives it the lemma of a word of a
 * country's, region's or language's name in Ukrainian from ICU's CLDR data: a place named by one word ("Росія"),
 * or an adjective of the suffix -ськ-, -цьк- or -зьк-, which Ukrainian makes from names of
 * places and peoples ("російська" is a form of "російський"; "Південна Корея"'s "південний" is
 * no such adjective). Matching by lemma, not by stem, keeps out common words that begin like a
 * name ("словами" is a form of "слово", not of "словацький"). The word's English counterparts
 * are the English words of the same CLDR names that are no common English words.
 */
final class LowerCaseNames {

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    /** A word of a Ukrainian text that names a country, people or language, and the English words for it. */
    record Found(String word, Set<LatinForm> english) {}

    private final LanguageTools ukrainian;
    private final Map<String, Set<LatinForm>> places = new HashMap<>();
    private final Map<String, Set<LatinForm>> adjectives = new HashMap<>();

    LowerCaseNames(Map<CheckLanguage, LanguageTools> tools) {
        this.ukrainian = tools.get(CheckLanguage.UK);
        LanguageTools english = tools.get(CheckLanguage.EN);
        LocaleDisplayNames inUkrainian = LocaleDisplayNames.getInstance(new ULocale(CheckLanguage.UK.code()));
        LocaleDisplayNames inEnglish = LocaleDisplayNames.getInstance(new ULocale(CheckLanguage.EN.code()));
        for (Region.RegionType type : List.of(
                Region.RegionType.TERRITORY,
                Region.RegionType.GROUPING,
                Region.RegionType.CONTINENT,
                Region.RegionType.SUBCONTINENT)) {
            for (Region region : Region.getAvailable(type)) {
                add(
                        inUkrainian.regionDisplayName(region.toString()),
                        inEnglish.regionDisplayName(region.toString()),
                        english);
            }
        }
        for (String code : ULocale.getISOLanguages()) {
            add(inUkrainian.languageDisplayName(code), inEnglish.languageDisplayName(code), english);
        }
    }

    private void add(String ukrainianName, String englishName, LanguageTools english) {
        // CLDR falls back to the code where a language has no name of its own
        if (!isName(ukrainianName) || !isName(englishName)) {
            return;
        }
        Set<LatinForm> counterparts = new LinkedHashSet<>();
        for (String word : englishName.split("[\\s\\-()’',.]+")) {
            if (word.length() > 2 && !english.common().isCommon(word) || Acronyms.is(word)) {
                counterparts.add(english.latin().of(word));
            }
        }
        if (counterparts.isEmpty()) {
            return;
        }
        String[] words = ukrainianName.split("[\\s\\-()’',.]+");
        for (String word : words) {
            for (UkrainianDictionary.Reading reading : readings(word)) {
                // a place of several words is no single word's: "Острови" of "Соломонові Острови"
                Map<String, Set<LatinForm>> kind = reading.place()
                        ? words.length == 1 ? places : null
                        : isNameAdjective(reading) ? adjectives : null;
                if (kind != null) {
                    kind.computeIfAbsent(reading.lemma().toLowerCase(UKRAINIAN), lemma -> new LinkedHashSet<>())
                            .addAll(counterparts);
                }
            }
        }
    }

    /**
     * The words of a Ukrainian text that name a country, people or language and are not looked
     * for as names: capitalised words that are no common words, or places, are names
     * ({@link NameExtractor}, {@link NameCheck}).
     */
    List<Found> in(String text) {
        Map<String, Found> found = new LinkedHashMap<>();
        for (Tokenizer.Token token : ukrainian.tokenizer().tokens(text)) {
            String word = token.text();
            if (!token.word()
                    || found.containsKey(word)
                    || Character.isUpperCase(word.codePointAt(0))
                            && (!ukrainian.common().isCommon(word)
                                    || ukrainian.common().isPlace(word))) {
                continue;
            }
            Set<LatinForm> english = new LinkedHashSet<>();
            for (UkrainianDictionary.Reading reading : readings(word)) {
                String lemma = reading.lemma().toLowerCase(UKRAINIAN);
                Set<LatinForm> counterparts =
                        reading.place() ? places.get(lemma) : isNameAdjective(reading) ? adjectives.get(lemma) : null;
                if (counterparts != null) {
                    english.addAll(counterparts);
                }
            }
            if (!english.isEmpty()) {
                found.put(word, new Found(word, Set.copyOf(english)));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The readings of a word as written and, when it is capitalised, in lower case ("Російські"). */
    private List<UkrainianDictionary.Reading> readings(String word) {
        List<UkrainianDictionary.Reading> readings =
                new ArrayList<>(ukrainian.readings().apply(word));
        String lower = word.toLowerCase(UKRAINIAN);
        if (!lower.equals(word)) {
            readings.addAll(ukrainian.readings().apply(lower));
        }
        return readings;
    }

    private static boolean isNameAdjective(UkrainianDictionary.Reading reading) {
        return reading.adjective()
                && UkrainianDictionary.NAME_ADJECTIVE.matcher(reading.lemma()).matches();
    }

    private static boolean isName(String name) {
        return name != null && !name.isBlank() && name.chars().noneMatch(Character::isDigit);
    }
}
