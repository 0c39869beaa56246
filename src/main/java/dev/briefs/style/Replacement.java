package dev.briefs.style;

/**
 * One forbidden variant replaced by its form, as the brief records it.
 *
 * @param from       the variant as the text wrote it ("Кіровограді")
 * @param to         what replaced it ("Кропивницькому")
 * @param offset     where {@code from} started in the text before any replacement
 * @param inflection whether the form was put into the variant's case
 * @param note       why the form stands in its base form (empty otherwise): an editor's cue to check it
 */
public record Replacement(String from, String to, int offset, Inflection inflection, String note) {

    /** Whether a replacement's form took the variant's grammatical case. */
    public enum Inflection {
        /** the language does not inflect its terms here (English: the possessive "'s" stays as written) */
        NOT_NEEDED,
        /** the form is in the variant's case, by the dictionary */
        INFLECTED,
        /** the dictionary could not tell the case, or has no such form: the base form, with a note */
        BASE_FORM
    }
}
