package dev.briefs.translate;

import java.util.List;

/**
 * The words a translation of one text must contain: the house style's renderings of the terms the text has
 * (docs/style.md), one list of accepted forms per term. The translator forces them with constrained beam search,
 * chunk by chunk, so each chunk is held only to the terms it has.
 */
@FunctionalInterface
public interface TermConstraints {

    /** No style: nothing is forced. */
    TermConstraints NONE = (text, sourceLanguage, targetLanguage) -> List.of();

    /** Per term the text has, its accepted forms in the target language; empty when none is to be forced. */
    List<List<String>> of(String text, String sourceLanguage, String targetLanguage);
}
