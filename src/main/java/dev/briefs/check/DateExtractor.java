package dev.briefs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates: "March 19", "19 March", "March 19 and 20, 2022", "19-го березня", "27 та 28 березня
 * 2022 року", "березні" (a month alone), "19.03.2022" and "2022-03-19". A list of days before or
 * after one month name gives one date a day. Each date found is blanked out of the text it is
 * given, so that its day and year are not read again as numbers.
 */
final class DateExtractor {

    private static final String DAY_EN = "(?:3[01]|[012]?\\d)(?!\\d)(?:st|nd|rd|th)?";
    private static final String DAY_UK = "(?:3[01]|[012]?\\d)(?!\\d)(?:-?[\\p{IsCyrillic}]{1,3})?";
    private static final String LIST_EN = "(?:\\s*(?:,|and|&|or|to|-|–|—|through)\\s*";
    private static final String LIST_UK = "(?:\\s*(?:,|і|й|та|чи|або|по|до|-|–|—)\\s*";
    private static final String YEAR = "(\\d{4})";
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d])|(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])");
    private static final Pattern DAY_NUMBER = Pattern.compile("\\d+");
    private static final Pattern MONTH_PREPOSITION =
            Pattern.compile("(?i)\\b(?:in|since|until|till|by|from|of|during|early|late|mid|before|after)[\\s-]+$");

    private final CheckLanguage language;
    private final MonthNames months;
    private final Pattern dayFirst;
    private final Pattern monthFirst;
    private final Pattern monthAlone;

    DateExtractor(CheckLanguage language) {
        this.language = language;
        this.months = new MonthNames(language);
        String month = "(?<![\\p{L}])(" + months.regex() + ")(?![\\p{L}])";
        String day = language == CheckLanguage.EN ? DAY_EN : DAY_UK;
        String list = language == CheckLanguage.EN ? LIST_EN : LIST_UK;
        String days = "((?<![\\d.,:])" + day + list + day + ")*)(?![\\d.,:]\\d)";
        String yearAfter = language == CheckLanguage.EN
                ? "(?:,?\\s+" + YEAR + "(?![\\d]))?"
                : "(?:\\s+" + YEAR + "(?:-?(?:го|ого))?(?![\\d]))?";
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.dayFirst = Pattern.compile(days + "\\s+(?:of\\s+)?" + month + yearAfter, flags);
        this.monthFirst = Pattern.compile(month + "\\s+" + days + yearAfter, flags);
        this.monthAlone = Pattern.compile(month + yearAfter, flags);
    }

    /** Finds the dates of {@code text} and blanks each one out of it. */
    List<Mention.Date> extract(StringBuilder text) {
        List<Mention.Date> dates = new ArrayList<>();
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            boolean iso = numeric.group(4) != null;
            int year = Integer.parseInt(iso ? numeric.group(4) : numeric.group(3));
            int month = Integer.parseInt(iso ? numeric.group(5) : numeric.group(2));
            int day = Integer.parseInt(iso ? numeric.group(6) : numeric.group(1));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                dates.add(new Mention.Date(numeric.group(), year, month, day));
                blank(text, numeric.start(), numeric.end());
            }
        }
        findWithDays(text, dayFirst, 1, 2, 3, dates);
        findWithDays(text, monthFirst, 2, 1, 3, dates);
        Matcher alone = monthAlone.matcher(text);
        while (alone.find()) {
            String name = alone.group(1);
            boolean hasYear = alone.group(2) != null;
            // English month names are capitalised; "May" or "Mar" alone is more often a word than a month,
            // unless a preposition says it is one ("in May")
            boolean mayBeWord = name.length() <= 3 || name.endsWith(".") || name.equalsIgnoreCase("may");
            if (language == CheckLanguage.EN
                    && (!Character.isUpperCase(name.charAt(0))
                            || !hasYear
                                    && mayBeWord
                                    && !MONTH_PREPOSITION
                                            .matcher(text.substring(0, alone.start()))
                                            .find())) {
                continue;
            }
            dates.add(new Mention.Date(
                    alone.group(), hasYear ? Integer.parseInt(alone.group(2)) : 0, months.month(name), 0));
            blank(text, alone.start(), alone.end());
        }
        return dates;
    }

    private void findWithDays(
            StringBuilder text,
            Pattern pattern,
            int daysGroup,
            int monthGroup,
            int yearGroup,
            List<Mention.Date> dates) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(monthGroup);
            if (language == CheckLanguage.EN && !Character.isUpperCase(name.charAt(0))) {
                continue;
            }
            int month = months.month(name);
            int year = matcher.group(yearGroup) == null ? 0 : Integer.parseInt(matcher.group(yearGroup));
            Matcher day = DAY_NUMBER.matcher(matcher.group(daysGroup));
            while (day.find()) {
                int value = Integer.parseInt(day.group());
                if (value >= 1 && value <= 31) {
                    dates.add(new Mention.Date(matcher.group(), year, month, value));
                }
            }
            blank(text, matcher.start(), matcher.end());
        }
    }

    static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }
}
