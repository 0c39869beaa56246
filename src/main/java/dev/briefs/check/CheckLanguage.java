package dev.briefs.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages whose numbers, dates, names and negations the checks can read. */
public enum CheckLanguage {
    EN("en"),
    UK("uk");

    private final String code;

    CheckLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /**
     * @param code an ISO 639-1 code such as {@code en} or {@code uk}
     * @throws IllegalArgumentException naming the code and the languages that can be checked
     */
    public static CheckLanguage of(String code) {
        for (CheckLanguage language : values()) {
            if (language.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return language;
            }
        }
        throw new IllegalArgumentException("fact checks cannot read language '" + code + "': they read "
                + Arrays.stream(values()).map(CheckLanguage::code).collect(Collectors.joining(", ")));
    }
}
