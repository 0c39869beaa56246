package dev.briefs.translate;

/** Translates a brief from its source language into a target language. */
public interface Translator {

    Translation translate(String text, String sourceLanguage, String targetLanguage);
}
