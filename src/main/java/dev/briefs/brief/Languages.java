package dev.briefs.brief;

import java.util.Locale;

/** Names of languages in their own language, for headings ("English", "Українська"). */
final class Languages {

    private Languages() {}

    static String nativeName(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equals(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
