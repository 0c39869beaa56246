package dev.briefs.style;

import dev.briefs.style.Occurrence.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a brief owes the style, given its source, and whether it paid: the check after generation, and the
 * words a translation is to be forced to use.
 *
 * <p>A term is required in a brief when its source has it: in the same language, a form to use whose form or
 * variant the source has; in a translation, a pair's rendering whose source term the source has. A kept term
 * of the source's language that the source has must stand in the brief as written (in the same language,
 * any of its forms). Forbidden variants of the brief's language are reported wherever they are left.
 */
final class StyleCheck {

    private final Style style;
    private final LanguageTerms source;
    private final LanguageTerms target;

    StyleCheck(Style style, LanguageTerms source, LanguageTerms target) {
        this.style = style;
        this.source = source;
        this.target = target;
    }

    StyleReport check(String sourceText, String brief) {
        List<String> found = new ArrayList<>();
        Map<String, List<String>> required = required(sourceText);
        for (Map.Entry<String, List<String>> term : required.entrySet()) {
            if (!target.finder(Kind.FORM, term.getValue()).find(brief).isEmpty()) {
                found.add(term.getKey());
            }
        }
        List<Occurrence> keptInBrief = target.keep().find(brief);
        List<StyleReport.Left> left = new ArrayList<>();
        for (Occurrence variant : target.variants().find(brief)) {
            if (!LanguageTerms.inside(variant, keptInBrief)) {
                left.add(new StyleReport.Left(variant.text(), target.formOf(variant.term()), variant.start()));
            }
        }
        List<String> keep = keptTerms(sourceText);
        List<String> lost = keep.stream()
                .filter(term ->
                        target.finder(Kind.KEEP, List.of(term)).find(brief).isEmpty())
                .toList();
        return StyleReport.of(List.copyOf(required.keySet()), found, left, keep, lost);
    }

    /**
     * The words a translation of this source must have, one list per constraint: its accepted forms, any of
     * which satisfies it (one form: a phrase to force; several: a disjunctive constraint). Into a language
     * with a dictionary (Ukrainian) every case of each form is accepted, since the sentence decides the case.
     * A kept term the source has is forced as written.
     */
    List<List<String>> forceWords(String sourceText) {
        Set<List<String>> constraints = new LinkedHashSet<>();
        for (List<String> forms : required(sourceText).values()) {
            Set<String> accepted = new LinkedHashSet<>();
            for (String form : forms) {
                accepted.addAll(target.morphology().known() ? target.inflector().allCases(form) : List.of(form));
            }
            constraints.add(List.copyOf(accepted));
        }
        for (String kept : keptTerms(sourceText)) {
            constraints.add(List.of(kept));
        }
        return List.copyOf(constraints);
    }

    /** The required terms, by their label ("Kyiv", "the Armed Forces of Ukraine | the Ukrainian army"), in the style's order. */
    private Map<String, List<String>> required(String sourceText) {
        Map<String, List<String>> required = new LinkedHashMap<>();
        if (source.language().equals(target.language())) {
            Set<String> present = new LinkedHashSet<>();
            for (Occurrence o : source.forms().find(sourceText)) {
                present.add(o.term());
            }
            for (Occurrence o : source.variants().find(sourceText)) {
                present.add(source.formOf(o.term()));
            }
            for (Usage usage : style.language(source.language()).use()) {
                if (present.contains(usage.form())) {
                    required.put(usage.form(), List.of(usage.form()));
                }
            }
            return required;
        }
        for (Rendering rendering :
                style.pair(source.language(), target.language()).use()) {
            if (!source.finder(Kind.SOURCE_TERM, rendering.sourceTerms())
                    .find(sourceText)
                    .isEmpty()) {
                required.put(rendering.label(), rendering.forms());
            }
        }
        return required;
    }

    /** The kept terms of the source's language that the source has, as the style writes them. */
    private List<String> keptTerms(String sourceText) {
        Set<String> kept = new LinkedHashSet<>();
        for (Occurrence o : source.keep().find(sourceText)) {
            kept.add(o.term());
        }
        return List.copyOf(kept);
    }
}
