package dev.briefs.style;

import java.util.List;

/** A language pair's part of the style: the renderings a translation from {@code source} into {@code target} must use. */
public record PairStyle(String source, String target, List<Rendering> use) {

    public PairStyle {
        use = List.copyOf(use);
    }

    /** The pair as the style file names it: {@code uk-en}. */
    public String name() {
        return source + "-" + target;
    }
}
