package dev.briefs.translate;

import java.util.List;

/** Translates briefs from their source language into target languages. */
public interface Translator {

    /** One text to translate. */
    record Request(String text, String sourceLanguage, String targetLanguage) {}

    default Translation translate(String text, String sourceLanguage, String targetLanguage) {
        return translateAll(List.of(new Request(text, sourceLanguage, targetLanguage)))
                .get(0);
    }

    /**
     * Translates several texts, results in order. Texts for the same model may share model calls;
     * each translation is the same as it would be alone.
     */
    List<Translation> translateAll(List<Request> requests);

    /**
     * Whether a text can be taken from one language into the other with what is installed, without
     * translating anything: what decides whether a translation is translated back by default.
     */
    default boolean hasRoute(String sourceLanguage, String targetLanguage) {
        return true;
    }
}
