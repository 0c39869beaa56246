package dev.briefs.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the web links written out in an article's text, in order of first appearance. */
final class Links {

    // Stops at whitespace, quotes and brackets; trailing sentence punctuation is trimmed below.
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>()\\[\\]{}«»“”]+", Pattern.CASE_INSENSITIVE);

    private Links() {}

    static List<String> in(String text, String... alsoFirst) {
        Set<String> found = new LinkedHashSet<>();
        for (String url : alsoFirst) {
            if (url != null && !url.isBlank()) {
                found.add(url);
            }
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("[.,;:!?]+$", ""));
        }
        return List.copyOf(found);
    }
}
