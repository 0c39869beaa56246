package dev.briefs.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a text mentions, looked up by value: every reading of its numbers, the days and
 * years of its dates and the hours of its times (on either clock) count as numbers, so that "24" is found in
 * "24 лютого" and "2022" in "19.03.2022".
 */
record Mentioned(List<Mention> mentions, Set<BigDecimal> numbers, List<Mention.Date> dates, List<Mention.Time> times) {

    static Mentioned of(List<Mention> mentions) {
        Set<BigDecimal> numbers = new HashSet<>();
        List<Mention.Date> dates = new ArrayList<>();
        List<Mention.Time> times = new ArrayList<>();
        for (Mention mention : mentions) {
            if (mention instanceof Mention.Number number) {
                number.readings().forEach(reading -> reading.forEach(value -> numbers.add(key(value))));
            } else if (mention instanceof Mention.Date date) {
                dates.add(date);
                if (date.day() > 0) {
                    numbers.add(key(BigDecimal.valueOf(date.day())));
                }
                if (date.year() > 0) {
                    numbers.add(key(BigDecimal.valueOf(date.year())));
                }
            } else if (mention instanceof Mention.Time time) {
                times.add(time);
                numbers.add(key(BigDecimal.valueOf(time.hour())));
                numbers.add(key(BigDecimal.valueOf(time.hour() % 12)));
            }
        }
        return new Mentioned(List.copyOf(mentions), Set.copyOf(numbers), List.copyOf(dates), List.copyOf(times));
    }

    boolean hasNumber(BigDecimal value) {
        return numbers.contains(key(value));
    }

    /** 1.50 and 1.5 are one number. */
    private static BigDecimal key(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
