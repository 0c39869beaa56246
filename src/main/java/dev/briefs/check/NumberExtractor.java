package dev.briefs.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers written with digits and reads them to one value whatever the convention:
 * "10,000", "10 000" and "10.000" are 10000; "2,5" and "2.5" are 2.5; "800 million", "800 млн"
 * and "1,7 мільярда" are scaled; "67%", "67 percent" and "67 відсотків" are percentages; ordinal
 * and other endings ("24th", "1990s", "24-го", "12-річна") are left off. Numbers written as words
 * are not read (see docs/fact-checks.md: on the WMT22 documents they were not needed).
 */
final class NumberExtractor {

    private static final String GROUP_SEPARATORS = " \u00A0\u202F\u2009.,";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.,])"
            + "(\\d{1,3}(?:([" + GROUP_SEPARATORS + "])\\d{3})(?:\\2\\d{3})*(?![\\d])|\\d+)"
            + "(?:([.,])(\\d+))?"
            + "(?:(-|\\s?)(%|[\\p{L}]+\\.?))?");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])(?:\\s*([ap])\\.?\\s?m\\.?(?![\\p{L}]))?"
                    + "|(?<![\\d:.,])(1[0-2]|0?[1-9])\\s*([ap])\\.?\\s?m\\.?(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    private final CheckLanguage language;

    NumberExtractor(CheckLanguage language) {
        this.language = language;
    }

    /** Finds the times of day of {@code text} ("21:00", "9 pm", "6:30 a.m.") and blanks them out. */
    List<Mention.Time> extractTimes(StringBuilder text) {
        List<Mention.Time> times = new ArrayList<>();
        Matcher matcher = TIME.matcher(text);
        while (matcher.find()) {
            boolean clock = matcher.group(1) != null;
            int hour = Integer.parseInt(clock ? matcher.group(1) : matcher.group(4));
            int minute = clock ? Integer.parseInt(matcher.group(2)) : 0;
            String half = clock ? matcher.group(3) : matcher.group(5);
            if (half != null && hour <= 12) {
                hour = hour % 12 + (half.equalsIgnoreCase("p") ? 12 : 0);
            }
            times.add(new Mention.Time(matcher.group(), hour, minute));
            DateExtractor.blank(text, matcher.start(), matcher.end());
        }
        return times;
    }

    /** Finds the numbers left in {@code text}. */
    List<Mention.Number> extract(CharSequence text) {
        List<Mention.Number> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            String integer = matcher.group(1);
            String separator = matcher.group(2);
            String fraction = matcher.group(4);
            String gap = matcher.group(5);
            String suffix = matcher.group(6) == null ? "" : matcher.group(6).toLowerCase(Locale.ROOT);
            Scale scale = Scale.of(language, suffix);
            boolean percent = suffix.equals("%") || Scale.isPercent(suffix);
            // the word after a number is shown with it only when it belongs to it: "24th", "12-річна", "800 млн"
            boolean ownsSuffix = scale != Scale.NONE || percent || gap != null && (gap.isEmpty() || gap.equals("-"));
            int end = ownsSuffix ? matcher.end() : fraction != null ? matcher.end(4) : matcher.end(1);
            List<List<BigDecimal>> readings = new ArrayList<>();
            BigDecimal value = new BigDecimal(integer.replaceAll("\\D", "") + (fraction == null ? "" : "." + fraction));
            readings.add(List.of(value.multiply(scale.factor)));
            if (separator != null && fraction == null && integer.length() == 5 && ",.".contains(separator)) {
                // "1,234" or "1.234" alone: a thousand separator or a decimal mark, as the writer meant
                readings.add(List.of(new BigDecimal(integer.replace(separator, ".")).multiply(scale.factor)));
            }
            if (separator != null && separator.isBlank()) {
                // "4 100" may be two numbers side by side ("on April 4 100 people")
                readings.add(
                        Arrays.stream(integer.split("\\s")).map(BigDecimal::new).toList());
            }
            Scale before = Scale.before(language, text, matcher.start());
            if (before != Scale.NONE && scale == Scale.NONE) {
                // colloquial Ukrainian puts the scale first: "тисяч 100" is about 100 000
                readings.add(List.of(value.multiply(before.factor)));
            }
            numbers.add(new Mention.Number(
                    text.subSequence(matcher.start(), end).toString().strip(), List.copyOf(readings), percent));
        }
        return numbers;
    }
}
