package dev.briefs.check;

import java.util.List;
import java.util.Locale;

/** Acronyms, which one language often writes as the initials of its own words for a name. */
final class Acronyms {

    /** Acronyms of up to this many letters are mostly translated, not transliterated (КДБ is KGB, ООН is UN). */
    static final int SHORT = 3;

    private Acronyms() {}

    /** The acronym a word is or starts with ("КДБ" in "КДБістського", "рф"), or null. */
    static String in(String word) {
        int capitals = 0;
        while (capitals < word.length() && Character.isUpperCase(word.charAt(capitals))) {
            capitals++;
        }
        if (capitals >= 2) {
            return word.substring(0, capitals);
        }
        return isLowerCase(word) ? word : null;
    }

    static boolean is(String word) {
        return word.length() >= 2 && word.codePoints().allMatch(Character::isUpperCase);
    }

    static String initials(List<String> words) {
        StringBuilder initials = new StringBuilder();
        words.forEach(word -> initials.appendCodePoint(word.codePointAt(0)));
        return initials.toString();
    }

    /** "рф": some Ukrainian writers put Russia's initials in lower case; no Ukrainian word is only consonants. */
    private static boolean isLowerCase(String word) {
        return word.length() >= 2
                && word.length() <= 5
                && word.toLowerCase(Locale.ROOT).chars().noneMatch(c -> "аеєиіїоуюяaeiouy".indexOf(c) >= 0);
    }
}
