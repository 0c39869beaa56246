package dev.briefs.style;

import java.util.List;

/**
 * One entry of a language pair's {@code use}: where the source has one of the source terms, the
 * translation must have one of the accepted forms ({@code "the Armed Forces of Ukraine": [ЗСУ]}). The
 * style file writes several accepted forms as one key, separated by {@code |}, as {@code translate
 * --force-word} does: the first is the house's own, any of them satisfies the style.
 */
public record Rendering(List<String> forms, List<String> sourceTerms) {

    public Rendering {
        forms = List.copyOf(forms);
        sourceTerms = List.copyOf(sourceTerms);
    }

    /** The accepted forms as the style file writes them: {@code A | B}. */
    public String label() {
        return String.join(" | ", forms);
    }
}
