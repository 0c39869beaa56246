package dev.briefs.check;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a check compares. Written in lower case in JSON ({@code "numbers"}). {@code STYLE} is the house style's check
 * (docs/style.md), which its own report records; it is here so that {@code checks.doubt-on} can name it.
 */
public enum CheckKind {
    NUMBERS,
    NAMES,
    NEGATION,
    STYLE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
