package dev.briefs.style;

import java.util.List;

/**
 * A language's part of the style: the forms to use (each with its forbidden variants) and the terms kept
 * as written, never translated or changed.
 */
public record LanguageStyle(String language, List<Usage> use, List<String> keep) {

    public LanguageStyle {
        use = List.copyOf(use);
        keep = List.copyOf(keep);
    }

    static LanguageStyle none(String language) {
        return new LanguageStyle(language, List.of(), List.of());
    }
}
