package dev.briefs.check;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names that languages write differently rather than transliterate, from ICU's CLDR data:
 * countries ("Russia", "Росія"), languages, which English also uses as adjectives for
 * peoples ("Russian", "російська") and cities that name time zones ("Moscow", "Москва").
 * Transliteration cannot see that these are one name.
 */
final class NameEquivalents {

    /** One name in every language, as the Latin forms of its words. */
    private record Entry(Map<CheckLanguage, List<LatinForm>> words) {}

    private final List<Entry> entries = new ArrayList<>();

    NameEquivalents(Map<CheckLanguage, LanguageTools> tools) {
        Map<CheckLanguage, LocaleDisplayNames> displayNames = new EnumMap<>(CheckLanguage.class);
        Map<CheckLanguage, LocaleDisplayNames> shortNames = new EnumMap<>(CheckLanguage.class);
        Map<CheckLanguage, TimeZoneNames> zoneNames = new EnumMap<>(CheckLanguage.class);
        for (CheckLanguage language : CheckLanguage.values()) {
            ULocale locale = new ULocale(language.code());
            displayNames.put(language, LocaleDisplayNames.getInstance(locale));
            shortNames.put(language, LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_SHORT));
            zoneNames.put(language, TimeZoneNames.getInstance(locale));
        }
        for (Region.RegionType type : List.of(
                Region.RegionType.TERRITORY,
                Region.RegionType.GROUPING,
                Region.RegionType.CONTINENT,
                Region.RegionType.SUBCONTINENT)) {
            for (Region region : Region.getAvailable(type)) {
                // the short names are the ones news uses: "США", "ООН", "UK"
                add(
                        tools,
                        language -> List.of(
                                displayNames.get(language).regionDisplayName(region.toString()),
                                shortNames.get(language).regionDisplayName(region.toString())));
            }
        }
        for (String code : ULocale.getISOLanguages()) {
            add(tools, language -> List.of(displayNames.get(language).languageDisplayName(code)));
        }
        for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            add(
                    tools,
                    language ->
                            Collections.singletonList(zoneNames.get(language).getExemplarLocationName(zone)));
        }
    }

    /** A name's spellings in one language: its full and its short form ("United Nations", "UN"). */
    private interface Namer {
        List<String> names(CheckLanguage language);
    }

    private void add(Map<CheckLanguage, LanguageTools> tools, Namer namer) {
        Map<CheckLanguage, List<LatinForm>> words = new EnumMap<>(CheckLanguage.class);
        for (CheckLanguage language : CheckLanguage.values()) {
            Set<LatinForm> forms = new LinkedHashSet<>();
            for (String name : namer.names(language)) {
                // CLDR falls back to the code where a language has no name of its own
                if (name == null || name.isBlank() || name.chars().anyMatch(Character::isDigit)) {
                    return;
                }
                for (String word : name.split("[\\s\\-()’',]+")) {
                    if (word.length() > 2 || word.length() == 2 && Acronyms.is(word)) {
                        forms.add(tools.get(language).latin().of(word));
                    }
                }
                String[] parts = name.split("\\s+");
                if (parts.length > 1 && parts.length <= 4) {
                    // "UN" for "United Nations", "ЄС" for "Європейський Союз"; each form on its own
                    StringBuilder initials = new StringBuilder();
                    for (String part : parts) {
                        initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
                    }
                    forms.add(tools.get(language).latin().of(initials.toString()));
                }
            }
            if (forms.isEmpty()) {
                return;
            }
            words.put(language, List.copyOf(forms));
        }
        entries.add(new Entry(words));
    }

    /**
     * The words, in {@code to}, of every CLDR name one of whose words in {@code from} is
     * {@code word}: for "Russians" in English, "російська" and "Росія" in Ukrainian.
     */
    Set<LatinForm> equivalents(LatinForm word, CheckLanguage from, CheckLanguage to) {
        Set<LatinForm> found = new LinkedHashSet<>();
        for (Entry entry : entries) {
            for (LatinForm candidate : entry.words.get(from)) {
                // Ukrainian inflects names ("Росію", "Польщі", "Відня" for "Росія", "Польща", "Відень")
                if (candidate.sameWordAs(word)
                        || from == CheckLanguage.UK && (candidate.sameStemAs(word) || candidate.sameNameAs(word))) {
                    found.addAll(entry.words.get(to));
                    break;
                }
            }
        }
        return found;
    }
}
