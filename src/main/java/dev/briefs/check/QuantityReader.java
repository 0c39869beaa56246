package dev.briefs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dates, times of day and numbers of a text in one language, each once. */
final class QuantityReader {

    /** Digits in a link are part of an address, not a fact ("facebook.com/examplehere101/"). */
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t]");

    private final DateExtractor dates;
    private final NumberExtractor numbers;

    QuantityReader(CheckLanguage language) {
        this.dates = new DateExtractor(language);
        this.numbers = new NumberExtractor(language);
    }

    List<Mention> read(String text) {
        // no-break and thin spaces are common between a number and its unit or month ("February 24")
        StringBuilder rest = new StringBuilder(SPACES.matcher(text).replaceAll(" "));
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            DateExtractor.blank(rest, link.start(), link.end());
        }
        // times first, so that "April 2 to 6 am" is not read as the days 2 to 6 of April
        List<Mention> found = new ArrayList<>(numbers.extractTimes(rest));
        found.addAll(dates.extract(rest));
        found.addAll(numbers.extract(rest));
        return found;
    }
}
