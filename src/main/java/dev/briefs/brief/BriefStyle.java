package dev.briefs.brief;

import dev.briefs.inference.TextGenerator;
import dev.briefs.style.HouseStyle;
import dev.briefs.style.Replaced;
import dev.briefs.style.Replacement;
import dev.briefs.style.Style;
import dev.briefs.style.StyleReport;
import dev.briefs.translate.TermConstraints;
import java.util.ArrayList;
import java.util.List;

/**
 * The house style as the briefs meet it (docs/style.md): forbidden variants replaced by their forms in every
 * brief text, the terms a translation is to be forced to use, and each language brief checked against what it
 * was made from. Without a style file nothing changes and nothing is reported. The planning step and the brief
 * step both go through it, so that they ask the models for the same texts. Thread-safe.
 */
public final class BriefStyle {

    /** No style file. */
    public static final BriefStyle NONE = new BriefStyle(null);

    private final HouseStyle style;

    private BriefStyle(HouseStyle style) {
        this.style = style;
    }

    /** The job file's style; {@link #NONE} for an empty one, which would only load dictionaries for nothing. */
    public static BriefStyle of(Style style) {
        return style.equals(Style.EMPTY) ? NONE : new BriefStyle(HouseStyle.of(style));
    }

    /** The words to force into a translation of a text: the style's renderings of the terms that text has. */
    public TermConstraints terms() {
        return style == null ? TermConstraints.NONE : style::forceWords;
    }

    /**
     * The terms of the style that a translation model cannot force from {@code source} into {@code target}, one line
     * each ({@link dev.briefs.inference.ForcedWords#refused}): the pair's renderings, and the source language's kept
     * terms, which are forced as written. A brief whose source has one says so; the run warns of them at its start.
     */
    public List<String> unforceable(String source, String target, TextGenerator model) {
        if (style == null) {
            return List.of();
        }
        List<List<String>> terms = new ArrayList<>();
        style.style().pair(source, target).use().forEach(rendering -> terms.add(rendering.forms()));
        style.style().language(source).keep().forEach(kept -> terms.add(List.of(kept)));
        return terms.isEmpty() ? List.of() : model.forceable(terms).refused();
    }

    /** A brief text with its forbidden variants replaced by their forms; null stays null. */
    Replaced replace(String text, String language) {
        if (style == null || text == null) {
            return new Replaced(text, List.of());
        }
        return style.replace(text, language);
    }

    /**
     * Whether a language brief held to the style, with the replacements made in it; null without a style or text.
     *
     * @param source the text it was made from: the summary as the model or the extractive summariser wrote it, for
     *               the article's own language; the article-language brief, for a translation
     */
    StyleReport check(
            String source, String sourceLanguage, String brief, String briefLanguage, List<Replacement> replaced) {
        if (style == null || source == null || brief == null) {
            return null;
        }
        return style.check(source, sourceLanguage, brief, briefLanguage).withReplaced(replaced);
    }
}
