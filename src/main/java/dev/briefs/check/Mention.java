package dev.briefs.check;

import java.math.BigDecimal;
import java.util.List;

/** A number, a date or a time of day as found in a text, with the values it is compared by. */
sealed interface Mention permits Mention.Number, Mention.Date, Mention.Time {

    /** The text as found. */
    String text();

    /** The comparable form shown beside the text in a flag ("10000", "--03-19", "21:00"). */
    String normalised();

    /** Whether the other text has this mention, given everything that text mentions. */
    boolean foundIn(Mentioned other);

    /**
     * A number. Each reading is a list of values that must all be in the other text: "10 000" reads
     * as 10000 or as the two numbers 10 and 0, "1,234" as 1234 or (in Ukrainian) 1.234.
     */
    @SuppressWarnings("JavaLangClash") // always named as Mention.Number outside this file
    record Number(String text, List<List<BigDecimal>> readings, boolean percent) implements Mention {

        @Override
        public String normalised() {
            BigDecimal value = readings.get(0).get(0);
            return (value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros()).toPlainString()
                    + (percent ? "%" : "");
        }

        @Override
        public boolean foundIn(Mentioned other) {
            return readings.stream().anyMatch(reading -> reading.stream().allMatch(other::hasNumber));
        }
    }

    /** A date; 0 stands for a part the text leaves out ("March" alone, "19 березня" without year). */
    record Date(String text, int year, int month, int day) implements Mention {

        @Override
        public String normalised() {
            return (year > 0 ? String.valueOf(year) : "-") + "-" + (month < 10 ? "0" : "") + month
                    + (day > 0 ? "-" + (day < 10 ? "0" : "") + day : "");
        }

        @Override
        public boolean foundIn(Mentioned other) {
            boolean yearFound = year == 0 || other.hasNumber(BigDecimal.valueOf(year));
            return yearFound
                    && other.dates().stream()
                            .anyMatch(date -> date.month == month
                                    && (day == 0 || date.day == day)
                                    && (year == 0 || date.year == 0 || date.year == year));
        }
    }

    /**
     * A time of day on the 24-hour clock. "9 pm" is found in "21:00", and a full hour in the bare
     * hour ("о 6-ій вечора" has 6 for "6 pm"), since the day part is often said in words.
     */
    record Time(String text, int hour, int minute) implements Mention {

        @Override
        public String normalised() {
            return String.format("%02d:%02d", hour, minute);
        }

        @Override
        public boolean foundIn(Mentioned other) {
            List<Integer> hours = List.of(hour, hour % 12, hour % 12 + 12);
            return other.times().stream().anyMatch(time -> time.minute == minute && hours.contains(time.hour))
                    || minute == 0 && hours.stream().anyMatch(h -> other.hasNumber(BigDecimal.valueOf(h)));
        }
    }
}
