package dev.briefs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words that make a statement negative or cancel a quantity, as a lexical check can see
 * them: English "not", "-n't", "no", "never", "no longer", "without"...; Ukrainian "не", "ні",
 * "немає", "ніколи", "жоден", "без"... Prefixes ("неправдивий", "unlikely") are not negations
 * here: the translation of such a word is rarely a negation word.
 */
final class NegationCues {

    private static final Map<CheckLanguage, Set<String>> WORDS = Map.of(
            CheckLanguage.EN,
                    Set.of(
                            "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "nowhere", "without",
                            "cannot", "nope"),
            CheckLanguage.UK,
                    Set.of(
                            "не", "ні", "ані", "ніколи", "ніхто", "ніщо", "нічого", "нікого", "нікому", "ніде",
                            "нікуди", "немає", "нема", "жоден", "жодна", "жодне", "жодні", "жодного", "жодної",
                            "жодному", "жодній", "жодних", "жодним", "жодною", "без", "безо"));

    private static final int DOUBLE_NEGATION_SPAN = 4;

    private final CheckLanguage language;
    private final Tokenizer words;

    NegationCues(CheckLanguage language, Tokenizer words) {
        this.language = language;
        this.words = words;
    }

    /**
     * The negations of a text, as found, in order. Ukrainian negates twice where English negates
     * once ("нічого не зробите", "do nothing"), so a "не" that follows a negative pronoun within a
     * few words is part of the same negation.
     */
    List<String> in(String text) {
        List<String> cues = new ArrayList<>();
        int wordsSinceCue = Integer.MAX_VALUE;
        boolean lastWasPronoun = false;
        for (Tokenizer.Token token : words.tokens(text)) {
            if (!token.word()) {
                continue;
            }
            wordsSinceCue = wordsSinceCue == Integer.MAX_VALUE ? wordsSinceCue : wordsSinceCue + 1;
            if (!isCue(token.text())) {
                continue;
            }
            boolean pronoun = isNegativePronoun(token.text());
            boolean particle = token.text().equalsIgnoreCase("не");
            if (language == CheckLanguage.UK
                    && wordsSinceCue <= DOUBLE_NEGATION_SPAN
                    && (particle && lastWasPronoun
                            || pronoun && cues.get(cues.size() - 1).equalsIgnoreCase("не"))) {
                cues.set(cues.size() - 1, cues.get(cues.size() - 1) + " … " + token.text());
                wordsSinceCue = Integer.MAX_VALUE;
                continue;
            }
            cues.add(token.text());
            wordsSinceCue = 0;
            lastWasPronoun = pronoun;
        }
        return cues;
    }

    /** "нічого", "ніколи", "жодного": the words Ukrainian pairs with "не". */
    private boolean isNegativePronoun(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return language == CheckLanguage.UK
                && (lower.startsWith("ні") && !lower.equals("ні") || lower.startsWith("жодн"));
    }

    private boolean isCue(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        return WORDS.get(language).contains(lower) || language == CheckLanguage.EN && lower.endsWith("n't");
    }
}
