package dev.briefs.style;

import dev.briefs.style.Words.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the forbidden variants of a text with their forms, in the text's own language (summaries,
 * extractive briefs): "Kiev's" becomes "Kyiv's", "у Кіровограді" "у Кропивницькому". A variant inside a
 * term the style keeps ("Dynamo Kiev" kept) stays. A variant that opens a sentence capitalised gives a form
 * that does too.
 */
final class Replacer {

    private final LanguageTerms terms;

    Replacer(LanguageTerms terms) {
        this.terms = terms;
    }

    Replaced replace(String text) {
        List<Word> words = terms.words().of(text);
        List<Occurrence> kept = terms.keep().find(text, words);
        List<Replacement> replacements = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int done = 0;
        for (Occurrence variant : terms.variants().find(text, words)) {
            if (LanguageTerms.inside(variant, kept)) {
                continue;
            }
            String form = terms.formOf(variant.term());
            Inflector.Inflected inflected = terms.morphology().known()
                    ? terms.inflector().inflect(form, variant.term(), words, wordAt(words, variant.start()))
                    : new Inflector.Inflected(form, Replacement.Inflection.NOT_NEEDED, "");
            String to = inflected.text();
            if (opensCapitalised(variant) && !Character.isUpperCase(to.codePointAt(0))) {
                to = TermFinder.capitalised(to);
            }
            out.append(text, done, variant.start()).append(to);
            done = variant.end();
            replacements.add(
                    new Replacement(variant.text(), to, variant.start(), inflected.inflection(), inflected.note()));
        }
        out.append(text.substring(done));
        return new Replaced(out.toString(), replacements);
    }

    /** A variant the style writes in lower case, capitalised here because it opens a sentence. */
    private static boolean opensCapitalised(Occurrence variant) {
        return Character.isUpperCase(variant.text().codePointAt(0))
                && !Character.isUpperCase(variant.term().codePointAt(0));
    }

    private static int wordAt(List<Word> words, int start) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).start() == start) {
                return i;
            }
        }
        throw new IllegalStateException("no word starts at " + start);
    }
}
