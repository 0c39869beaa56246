package dev.briefs.style;

import dev.briefs.style.Occurrence.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's part of the style made ready to match: its tokenizer and dictionary, and a finder for each
 * kind of term. Built once per language; a finder is safe to share between threads (VESUM's lookups lock).
 */
final class LanguageTerms {

    private final String language;
    private final Words words;
    private final Morphology morphology;
    private final Inflector inflector;
    private final TermFinder forms;
    private final TermFinder variants;
    private final TermFinder keep;
    /** Each variant's form. */
    private final Map<String, String> formOf = new HashMap<>();
    /**
     * The finders built so far, by kind and terms: each chunk a translation forces words into asks for the pair's
     * finders again, and building one tokenizes and looks up every term.
     */
    private final Map<List<Object>, TermFinder> finders = new ConcurrentHashMap<>();

    LanguageTerms(LanguageStyle style, Morphology morphology) {
        this.language = style.language();
        this.words = new Words(language);
        this.morphology = morphology;
        this.inflector = new Inflector(morphology, words);
        List<String> allVariants = new ArrayList<>();
        for (Usage usage : style.use()) {
            for (String variant : usage.variants()) {
                formOf.put(variant, usage.form());
                allVariants.add(variant);
            }
        }
        this.forms = finder(Kind.FORM, style.use().stream().map(Usage::form).toList());
        this.variants = finder(Kind.VARIANT, allVariants);
        this.keep = finder(Kind.KEEP, style.keep());
    }

    String language() {
        return language;
    }

    Words words() {
        return words;
    }

    Morphology morphology() {
        return morphology;
    }

    Inflector inflector() {
        return inflector;
    }

    /** A finder of other terms in this language (a pair's source terms, a check's required forms). */
    TermFinder finder(Kind kind, List<String> terms) {
        return finders.computeIfAbsent(
                List.of(kind, List.copyOf(terms)), key -> new TermFinder(words, morphology, kind, terms));
    }

    TermFinder forms() {
        return forms;
    }

    TermFinder variants() {
        return variants;
    }

    TermFinder keep() {
        return keep;
    }

    /** The form a variant becomes. */
    String formOf(String variant) {
        return formOf.get(variant);
    }

    /** Whether an occurrence lies within one of these (a variant inside a kept name: "Dynamo Kiev"). */
    static boolean inside(Occurrence o, List<Occurrence> spans) {
        for (Occurrence span : spans) {
            if (o.start() < span.end() && span.start() < o.end()) {
                return true;
            }
        }
        return false;
    }
}
