package dev.briefs.style;

import java.util.List;

/** A text with its forbidden variants replaced, and each replacement, in the order of the text. */
public record Replaced(String text, List<Replacement> replacements) {

    public Replaced {
        replacements = List.copyOf(replacements);
    }

    /** Whether anything changed. */
    public boolean changed() {
        return !replacements.isEmpty();
    }
}
