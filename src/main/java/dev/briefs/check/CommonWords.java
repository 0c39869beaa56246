package dev.briefs.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words a language writes in lower case more often than capitalised: "bill", "state", "square",
 * "security". A translation capitalises them in titles and institutions ("the Bill", "State
 * Concern", "Federal Security Service") where its source has common words or an acronym, and no
 * transliteration can match those; a name is in its other words. For English the list comes from
 * case-sensitive word frequencies (made by {@code tools/lexicon/make_common_words.py}, which says
 * from where); Ukrainian capitalises little but names, so it has none.
 */
final class CommonWords {

    static final String ENGLISH_RESOURCE = "en-common-words.txt";

    private static final CommonWords NONE = new CommonWords(Set.of());

    private final Set<String> words;

    private CommonWords(Set<String> words) {
        this.words = words;
    }

    static CommonWords of(CheckLanguage language) {
        return language == CheckLanguage.EN ? read(ENGLISH_RESOURCE) : NONE;
    }

    /**
     * Whether a word, as written, is a common word. An acronym ("UN", "TV") is written as a name
     * whatever its letters spell, so it never is.
     */
    boolean isCommon(String word) {
        return !Acronyms.is(word) && words.contains(word.toLowerCase(Locale.ROOT));
    }

    private static CommonWords read(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = CommonWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fact checks: the word list " + resource + " is missing from the classpath"
                        + " (dev/briefs/check/); rebuild the jar, or make the list with tools/lexicon/make_common_words.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fact checks: cannot read the word list " + resource, e);
        }
        return new CommonWords(Set.copyOf(words));
    }
}
