package dev.briefs.check;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The word that multiplies a number: "thousand", "тис.", "million", "млн", "мільярда". */
enum Scale {
    NONE(BigDecimal.ONE, "", ""),
    THOUSAND(BigDecimal.valueOf(1_000), "thousands?|k", "тис\\.?|тисяч\\p{L}*"),
    MILLION(BigDecimal.valueOf(1_000_000), "millions?|mln|mn", "млн\\.?|мільйон\\p{L}*"),
    BILLION(BigDecimal.valueOf(1_000_000_000), "billions?|bn", "млрд\\.?|мільярд\\p{L}*"),
    TRILLION(BigDecimal.valueOf(1_000_000_000_000L), "trillions?|tn", "трлн\\.?|трильйон\\p{L}*");

    private static final Pattern PERCENT = Pattern.compile("percent|pct|відсот\\p{L}*|процент\\p{L}*");
    private static final Pattern UKRAINIAN_SCALE_BEFORE =
            Pattern.compile("(?<![\\p{L}])(тис\\.?|тисяч\\p{L}*|млн\\.?|мільйон\\p{L}*|млрд\\.?|мільярд\\p{L}*)\\s+$");

    final BigDecimal factor;
    private final Pattern english;
    private final Pattern ukrainian;

    Scale(BigDecimal factor, String english, String ukrainian) {
        this.factor = factor;
        this.english = Pattern.compile(english);
        this.ukrainian = Pattern.compile(ukrainian);
    }

    /** The scale a word after a number stands for, or {@link #NONE}. */
    static Scale of(CheckLanguage language, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (Scale scale : values()) {
            if (scale != NONE
                    && (language == CheckLanguage.EN ? scale.english : scale.ukrainian)
                            .matcher(lower)
                            .matches()) {
                return scale;
            }
        }
        return NONE;
    }

    static boolean isPercent(String word) {
        return PERCENT.matcher(word.toLowerCase(Locale.ROOT)).matches();
    }

    /** The scale word right before position {@code start} in Ukrainian text ("тисяч 100"), or {@link #NONE}. */
    static Scale before(CheckLanguage language, CharSequence text, int start) {
        if (language != CheckLanguage.UK) {
            return NONE;
        }
        Matcher matcher = UKRAINIAN_SCALE_BEFORE.matcher(text.subSequence(Math.max(0, start - 20), start));
        return matcher.find() ? of(language, matcher.group(1)) : NONE;
    }
}
