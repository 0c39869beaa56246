package dev.briefs.style;

import java.util.List;

/**
 * Whether one language brief held to the house style, as its JSON carries it: the terms it had to use (each
 * written as the style file writes it, accepted forms joined by {@code |}), which it used and which it
 * missed, the forbidden variants left in it, and the kept terms of its source that it lost.
 *
 * @param held          true when nothing is missing, left or lost
 * @param required      the terms the brief had to use, because its source has them (or their variants)
 * @param found         those of {@code required} it uses
 * @param missing       those of {@code required} it does not
 * @param forbiddenLeft the forbidden variants it still has
 * @param keep          the kept terms its source has, which it must have as written
 * @param lost          those of {@code keep} it does not have
 * @param replaced      the forbidden variants replaced in the brief by their forms before it was checked
 */
public record StyleReport(
        boolean held,
        List<String> required,
        List<String> found,
        List<String> missing,
        List<Left> forbiddenLeft,
        List<String> keep,
        List<String> lost,
        List<Replacement> replaced) {

    /** A forbidden variant left in a brief, at its offset, with the form the style wants there. */
    public record Left(String variant, String form, int offset) {}

    public StyleReport {
        required = List.copyOf(required);
        found = List.copyOf(found);
        missing = List.copyOf(missing);
        forbiddenLeft = List.copyOf(forbiddenLeft);
        keep = List.copyOf(keep);
        lost = List.copyOf(lost);
        replaced = replaced == null ? List.of() : List.copyOf(replaced);
    }

    /** The same report, with the replacements made in the brief before it was checked. */
    public StyleReport withReplaced(List<Replacement> replacements) {
        return new StyleReport(held, required, found, missing, forbiddenLeft, keep, lost, replacements);
    }

    static StyleReport of(
            List<String> required, List<String> found, List<Left> forbiddenLeft, List<String> keep, List<String> lost) {
        List<String> missing =
                required.stream().filter(term -> !found.contains(term)).toList();
        return new StyleReport(
                missing.isEmpty() && forbiddenLeft.isEmpty() && lost.isEmpty(),
                required,
                found,
                missing,
                forbiddenLeft,
                keep,
                lost,
                List.of());
    }
}
