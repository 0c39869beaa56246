package dev.briefs.check;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The month names of a language as ICU's CLDR data has them, in every form a date can take:
 * English full and abbreviated names, Ukrainian nominative ("березень") and genitive ("березня")
 * from CLDR, and the other cases ("у березні", "березнем") built on the stem the two share,
 * since CLDR has only those two.
 */
final class MonthNames {

    /** Case endings of Ukrainian month names: the -ень nouns ("березень") and лютий, an adjective. */
    private static final List<String> UKRAINIAN_ENDINGS =
            List.of("ень", "ня", "ні", "нем", "ню", "ий", "ого", "ому", "им");
    /** Case endings of a month whose nominative is its stem ("листопад"). */
    private static final List<String> UKRAINIAN_NOUN_ENDINGS = List.of("а", "і", "ом", "у", "ові");

    private final List<List<String>> forms = new ArrayList<>();
    private final Pattern pattern;

    MonthNames(CheckLanguage language) {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(new ULocale(language.code()));
        String[] format = symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE);
        String[] standalone = symbols.getMonths(DateFormatSymbols.STANDALONE, DateFormatSymbols.WIDE);
        String[] abbreviated = symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.ABBREVIATED);
        List<String> all = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            List<String> names = new ArrayList<>();
            String full = format[month].toLowerCase(Locale.ROOT);
            String nominative = standalone[month].toLowerCase(Locale.ROOT);
            if (language == CheckLanguage.UK) {
                String stem = commonPrefix(full, nominative);
                if (stem.equals(nominative)) {
                    UKRAINIAN_NOUN_ENDINGS.forEach(ending -> names.add(stem + ending));
                } else {
                    // only endings that continue the stem as the genitive or nominative does:
                    // "трав" + "ні", never "трав" + "и" (a form of "трава", grass)
                    for (String ending : UKRAINIAN_ENDINGS) {
                        char next = ending.charAt(0);
                        if (full.charAt(stem.length()) == next || nominative.charAt(stem.length()) == next) {
                            names.add(stem + ending);
                        }
                    }
                }
                names.add(full);
                names.add(nominative);
            } else {
                names.add(full);
                String shortName = abbreviated[month].toLowerCase(Locale.ROOT).replace(".", "");
                // "May" is both; "Sept." is common in news although CLDR abbreviates to "Sep"
                names.add(shortName + ".");
                names.add(shortName);
                if (month == 8) {
                    names.add("sept.");
                    names.add("sept");
                }
            }
            List<String> distinct = names.stream().distinct().toList();
            forms.add(distinct);
            all.addAll(distinct);
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.pattern = Pattern.compile(
                String.join("|", all.stream().map(Pattern::quote).toList()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** An alternation of every form, longest first, for use inside a larger regex. */
    String regex() {
        return pattern.pattern();
    }

    /** @return 1 to 12, or 0 when the word is no month name of this language */
    int month(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int month = 0; month < 12; month++) {
            if (forms.get(month).contains(lower)) {
                return month + 1;
            }
        }
        return 0;
    }

    private static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
