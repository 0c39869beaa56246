package dev.briefs.check;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * A word spelled in plain Latin letters, in forms that absorb the ways one name is written in
 * English and in Ukrainian. Ukrainian goes through ICU's BGN transliteration ("Кулеба" becomes
 * "Kuleba", "Києва" "Kyyeva"), then both languages through ICU's Latin-ASCII. The
 * {@link #key} folds spellings that differ between English usage and transliteration (j/dzh,
 * g/h, kh/h ("Homs"/"Хомс"), ts/c/s, w/v, c/k, s/z, y/i, oo/u ("Wood"/"Вуд"), a silent h after a
 * vowel ("Johnny"/"Джонні"), double letters);
 * the {@link #skeleton} also drops the vowels, which differ most ("Aslin"/"Eyslin",
 * "Mazyr"/"Mozyr", "Moscow"/"Moskva"), and reads sh as s ("Warsaw"/"Варшава").
 *
 * @param key      lower-case ASCII letters with spelling variants folded
 * @param skeleton the consonants of the key
 */
record LatinForm(String key, String skeleton) {

    private static final String VOWELS = "aeiouy";

    /** ICU transliterators keep state between calls, so one language's is used by one thread at a time. */
    static final class Transliteration {
        private final Transliterator toLatin;

        Transliteration(CheckLanguage language) {
            this.toLatin = Transliterator.getInstance(
                    language == CheckLanguage.UK ? "Ukrainian-Latin/BGN; Latin-ASCII" : "Any-Latin; Latin-ASCII");
        }

        LatinForm of(String word) {
            String latin;
            synchronized (this) {
                latin = toLatin.transliterate(word);
            }
            return LatinForm.ofLatin(latin);
        }
    }

    static LatinForm ofLatin(String latin) {
        String key = latin.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "")
                .replace("oo", "u")
                .replace("shch", "sh")
                .replace("tsch", "ch")
                .replace("tch", "ch")
                .replace("dzh", "j")
                .replace("zh", "j")
                .replace("kh", "h")
                .replace("ts", "s")
                .replace("ph", "f")
                .replace("ck", "k")
                .replace("x", "ks")
                .replace("q", "k")
                .replace("w", "v")
                .replace("g", "h")
                .replace("z", "s")
                .replaceAll("c(?=[eiy])", "s")
                .replaceAll("c(?!h)", "k")
                .replace("y", "i")
                // English writes an h it does not say after a vowel ("John", "Sarah"; "Джон", "Сара")
                .replaceAll("(?<=[aeiou])h(?![aeiou])", "")
                .replaceAll("(.)\\1+", "$1");
        StringBuilder skeleton = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (VOWELS.indexOf(c) < 0) {
                skeleton.append(c);
            }
        }
        // English writes s for some foreign sh ("Warsaw", "Варшава"; "Kishida", "Кісіда")
        return new LatinForm(key, skeleton.toString().replace("sh", "s").replaceAll("(.)\\1+", "$1"));
    }

    /**
     * Whether two words may be one name in different spellings or grammatical cases. Both must
     * start with a vowel or both with a consonant. Words of three consonants or more compare by
     * skeleton: equal, or but for the shorter's last consonant where four agree before it
     * ("Bundeswehr", "Бундесвер"), or where it alternates as Ukrainian consonants do before a case
     * ending (г/з and х/с, folded to h/s; к/ц, folded to k/s: "Прага", "Празі"), and the longer going on by three at most (a case ending or suffix: "klb" for "Kuleba" and
     * "Кулебою", "lbnvsk" and "lbnvskh" for "Lobanovsky" and "Лобановського"). Shorter words must
     * have one skeleton and compare by key, vowels included, since two consonants say too little
     * ("kiv" and "kieva" for "Kyiv" and "Києва").
     */
    boolean sameNameAs(LatinForm other) {
        if (key.equals(other.key)) {
            return !key.isEmpty();
        }
        if (key.isEmpty() || other.key.isEmpty() || isVowel(key.charAt(0)) != isVowel(other.key.charAt(0))) {
            return false;
        }
        if (skeleton.length() < 3 || other.skeleton.length() < 3) {
            // "Kyiv" and "Києва": one skeleton ("kv"), and the keys agree but for the ending
            return skeleton.equals(other.skeleton)
                    && Math.min(key.length(), other.key.length()) >= 3
                    && stemsAgree(key, other.key, 1, 3);
        }
        String shorter = skeleton.length() <= other.skeleton.length() ? skeleton : other.skeleton;
        String longer = skeleton.length() <= other.skeleton.length() ? other.skeleton : skeleton;
        int common = commonPrefix(shorter, longer);
        if (common == shorter.length()) {
            return longer.length() - common <= 3;
        }
        return common == shorter.length() - 1
                && shorter.length() >= 4
                && longer.length() - common <= 3
                && (common >= 4 || alternates(shorter.charAt(common), longer.charAt(common)));
    }

    /**
     * Whether one word is another with an ending added ("Russians" and "Russian", "Estonian" and
     * "Estonia"), by their keys: for looking names up in a list, where a skeleton says too little.
     */
    boolean sameWordAs(LatinForm other) {
        return key.equals(other.key)
                || Math.min(key.length(), other.key.length()) >= 4 && stemsAgree(key, other.key, 0, 3);
    }

    /**
     * Whether two words of one language share a stem: five letters, all but the last of a shorter
     * word, or all of a word of three or four ("українська" and "українців", "Київ" and "київського").
     */
    boolean sameStemAs(LatinForm other) {
        String shorter = key.length() <= other.key.length() ? key : other.key;
        String longer = key.length() <= other.key.length() ? other.key : key;
        int stem = shorter.length() <= 4 ? shorter.length() : Math.min(5, shorter.length() - 1);
        return stem >= 3 && longer.startsWith(shorter.substring(0, stem));
    }

    /**
     * Whether this Ukrainian word is a compound that ends in a word of a name: Ukrainian writes
     * prefixes and the first parts of compound adjectives as one word with it ("проросійським",
     * pro-Russian; "напівфранцузький", half-French). The name word less its last letter, five
     * letters at least, must follow two letters at least.
     */
    boolean compoundsWith(LatinForm name) {
        String stem = name.key.substring(0, Math.max(0, name.key.length() - 1));
        return stem.length() >= 5 && key.indexOf(stem, 2) >= 2;
    }

    /**
     * Whether this Ukrainian word is derived from a name by a suffix: a region ("Київщина", "Kyiv"),
     * an adjective ("Донецької", "Donetsk"), in any case. The name must be three letters or more.
     */
    boolean derivesFrom(LatinForm name) {
        return name.key.length() >= 3 && key.length() > name.key.length() && key.startsWith(name.key);
    }

    /**
     * The shorter form, less {@code slack} letters at its end, starts the longer, and the longer
     * goes on by {@code ending} letters at most.
     */
    private static boolean stemsAgree(String a, String b, int slack, int ending) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        int common = commonPrefix(shorter, longer);
        return common >= Math.max(2, shorter.length() - slack) && longer.length() - common <= ending;
    }

    private static int commonPrefix(String shorter, String longer) {
        int common = 0;
        while (common < shorter.length() && shorter.charAt(common) == longer.charAt(common)) {
            common++;
        }
        return common;
    }

    /** г/з, х/с and к/ц, the consonants Ukrainian alternates before a case ending, as the key folds them. */
    private static boolean alternates(char a, char b) {
        return a == 's' && (b == 'h' || b == 'k') || b == 's' && (a == 'h' || a == 'k');
    }

    private static boolean isVowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }
}
