package dev.briefs.style;

import dev.briefs.style.Occurrence.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The house style at work (docs/style.md): finding its terms in a text, replacing forbidden variants in a
 * text of their own language, checking a brief against its source, and the words a translation is to be
 * forced to use. Free of Spring and of the models; a language's dictionary (VESUM for Ukrainian) is loaded
 * the first time that language is asked for. Safe to share between threads.
 */
public final class HouseStyle {

    private final Style style;
    private final Map<String, LanguageTerms> languages = new ConcurrentHashMap<>();
    private final Map<String, Morphology> morphologies = new ConcurrentHashMap<>();

    private HouseStyle(Style style) {
        this.style = style;
    }

    public static HouseStyle of(Style style) {
        return new HouseStyle(style);
    }

    public Style style() {
        return style;
    }

    /**
     * Every term of the style in a text of a language: its forms, forbidden variants and kept terms, and the
     * source terms of its pairs from that language, in the order of the text.
     */
    public List<Occurrence> find(String text, String language) {
        LanguageTerms terms = terms(language);
        List<Occurrence> found = new ArrayList<>();
        found.addAll(terms.forms().find(text));
        found.addAll(terms.variants().find(text));
        found.addAll(terms.keep().find(text));
        List<String> sourceTerms = new ArrayList<>();
        for (PairStyle pair : style.pairs().values()) {
            if (pair.source().equals(language)) {
                pair.use().forEach(rendering -> sourceTerms.addAll(rendering.sourceTerms()));
            }
        }
        found.addAll(terms.finder(Kind.SOURCE_TERM, sourceTerms).find(text));
        found.sort(Comparator.comparingInt(Occurrence::start).thenComparing(Occurrence::kind));
        return found;
    }

    /** A text of a language with its forbidden variants replaced by their forms, and each replacement. */
    public Replaced replace(String text, String language) {
        return new Replacer(terms(language)).replace(text);
    }

    /** Whether a brief in {@code briefLanguage} made from a source in {@code sourceLanguage} held to the style. */
    public StyleReport check(String source, String sourceLanguage, String brief, String briefLanguage) {
        return new StyleCheck(style, terms(sourceLanguage), terms(briefLanguage)).check(source, brief);
    }

    /**
     * The words to force into a translation of one input, one list per constraint: each list holds the
     * accepted forms of one term (several: a disjunctive constraint, as {@code translate --force-word A|B}).
     * Only the terms the input has are forced.
     */
    public List<List<String>> forceWords(String source, String sourceLanguage, String targetLanguage) {
        return new StyleCheck(style, terms(sourceLanguage), terms(targetLanguage)).forceWords(source);
    }

    private LanguageTerms terms(String language) {
        return languages.computeIfAbsent(
                language,
                code -> new LanguageTerms(style.language(code), morphologies.computeIfAbsent(code, Morphology::of)));
    }
}
