package dev.briefs.article;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Detects an article's language with Lingua. The detector is limited to the languages a
 * newsroom expects (configurable), which makes it both more accurate and lighter than
 * comparing against every language Lingua knows. Thread-safe.
 */
public final class LanguageDetector {

    public static final List<String> DEFAULT_LANGUAGES = List.of(
            "en", "uk", "ru", "pl", "de", "fr", "es", "it", "pt", "ro", "cs", "sk", "hu", "bg", "be", "tr", "nl");

    private final com.github.pemistahl.lingua.api.LanguageDetector detector;

    public LanguageDetector(Collection<String> isoCodes) {
        List<Language> languages = new ArrayList<>();
        for (String code : isoCodes) {
            languages.add(languageOf(code));
        }
        if (languages.size() < 2) {
            throw new IllegalArgumentException(
                    "language detection needs at least two candidate languages, got " + isoCodes);
        }
        this.detector = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .build();
    }

    /**
     * @param fallback returned when the text is too short or too mixed to decide (may be null)
     * @return an ISO 639-1 code
     */
    public String detect(String text, String fallback) {
        // A few thousand characters decide the language of a news article; more only costs time.
        String sample = text.length() > 4000 ? text.substring(0, 4000) : text;
        Language language = detector.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return fallback;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static Language languageOf(String code) {
        try {
            Language language = Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
            if (language != null && language != Language.UNKNOWN) {
                return language;
            }
        } catch (IllegalArgumentException | NoSuchElementException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + code + "' is not an ISO 639-1 language code that Lingua knows");
    }
}
