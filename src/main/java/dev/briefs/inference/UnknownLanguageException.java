package dev.briefs.inference;

import dev.briefs.failure.ArticleFault;

/** A multilingual model was asked for a language it has no language token for, or for none at all. */
public final class UnknownLanguageException extends IllegalArgumentException implements ArticleFault {

    private final String language;

    public UnknownLanguageException(String language, String message) {
        super(message);
        this.language = language;
    }

    /** The language as it was asked for (may be null when none was given). */
    public String language() {
        return language;
    }
}
