package dev.briefs.style;

/**
 * Where a text has a term of the style.
 *
 * @param kind  what the term is to the style
 * @param term  the term as the style file writes it ("Київ")
 * @param text  the text's words as written there ("Києві")
 * @param start the first character's offset in the text
 * @param end   the offset after the last character (an English "'s" is left out: "Kiev's" is "Kiev")
 */
public record Occurrence(Kind kind, String term, String text, int start, int end) {

    /** What a term is to the style. */
    public enum Kind {
        /** a form to use ({@code languages.L.use} keys) */
        FORM,
        /** a variant the style forbids ({@code languages.L.use} values) */
        VARIANT,
        /** a term kept as written ({@code languages.L.keep}) */
        KEEP,
        /** a source term whose translation the style fixes ({@code pairs.S-T.use} values) */
        SOURCE_TERM
    }
}
