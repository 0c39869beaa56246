package dev.briefs.check;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a check compares. Written in lower case in JSON ({@code "numbers"}). */
public enum CheckKind {
    NUMBERS,
    NAMES,
    NEGATION;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
