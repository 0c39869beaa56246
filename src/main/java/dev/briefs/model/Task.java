package dev.briefs.model;

import dev.briefs.model.hub.ModelException;
import java.util.Locale;

/** What a catalog model is used for. */
public enum Task {
    TRANSLATION,
    SUMMARIZATION,
    EMBEDDING;

    public static Task parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ModelException.user("unknown task '" + s + "' (expected translation, summarization or embedding)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
