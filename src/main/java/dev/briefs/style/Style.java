package dev.briefs.style;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A newsroom's house style, as its style file gives it ({@link StyleFiles}, docs/style.md): per language the
 * forms to use and the terms to keep, per language pair the renderings of source terms. It holds no logic
 * beyond looking up a part; {@link HouseStyle} matches, replaces and checks with it.
 *
 * @param languages by language code ({@code en}, {@code uk})
 * @param pairs     by pair name ({@code uk-en})
 */
public record Style(Map<String, LanguageStyle> languages, Map<String, PairStyle> pairs) {

    public static final Style EMPTY = new Style(Map.of(), Map.of());

    public Style {
        // sorted, so that every walk over them (the check's lists, the forced words) has one order
        languages = Collections.unmodifiableSortedMap(new TreeMap<>(languages));
        pairs = Collections.unmodifiableSortedMap(new TreeMap<>(pairs));
    }

    /** A language's part; an empty one when the file has none. */
    public LanguageStyle language(String code) {
        LanguageStyle style = languages.get(code);
        return style != null ? style : LanguageStyle.none(code);
    }

    /** A pair's part; an empty one when the file has none. */
    public PairStyle pair(String source, String target) {
        PairStyle style = pairs.get(source + "-" + target);
        return style != null ? style : new PairStyle(source, target, List.of());
    }
}
