package dev.briefs.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a brief against the text it was made from: its numbers, names and negations
 * ({@link CheckKind}). Build one and share it: construction loads ICU's data (seconds), checks
 * are fast and may run on many threads at once.
 *
 * <pre>{@code
 * FactChecker checker = new FactChecker();
 * List<CheckResult> results = checker.checkTranslation(summaryUk, "uk", briefEn, "en");
 * }</pre>
 */
public final class FactChecker {

    private final NumberCheck numbers;
    private final NameCheck names;
    private final NegationCheck negations;

    public FactChecker() {
        Map<CheckLanguage, LanguageTools> tools = new EnumMap<>(CheckLanguage.class);
        for (CheckLanguage language : CheckLanguage.values()) {
            tools.put(language, LanguageTools.of(language));
        }
        this.numbers = new NumberCheck(tools);
        this.names = new NameCheck(tools, new NameEquivalents(tools), new LowerCaseNames(tools));
        this.negations = new NegationCheck(tools);
    }

    /**
     * Checks a summary, in its source's language or another, against its source: every number,
     * date and name of the summary must be in the source. Negations are compared sentence by
     * sentence when both are in one language; a summary in another language gets no negation
     * result (check the translation against the summary it translates instead).
     *
     * @throws IllegalArgumentException when a language is not one the checks read ({@link CheckLanguage})
     */
    public List<CheckResult> checkSummary(
            String source, String sourceLanguage, String summary, String summaryLanguage) {
        CheckLanguage from = CheckLanguage.of(sourceLanguage);
        CheckLanguage to = CheckLanguage.of(summaryLanguage);
        requireText(source, "source");
        requireText(summary, "summary");
        CheckResult numberResult = numbers.check(source, from, summary, to, false);
        CheckResult nameResult = names.check(source, from, summary, to);
        return from == to
                ? List.of(numberResult, nameResult, negations.checkSummary(source, summary, from))
                : List.of(numberResult, nameResult);
    }

    /**
     * Checks a translation against the text it translates: besides what a summary must keep, a
     * translation must keep every number, date and time of its source, every name its source
     * writes as one (a name swapped for words that cannot be checked shows as the source's name
     * missing), and negate as often.
     *
     * @throws IllegalArgumentException when a language is not one the checks read ({@link CheckLanguage})
     */
    public List<CheckResult> checkTranslation(
            String source, String sourceLanguage, String translation, String translationLanguage) {
        CheckLanguage from = CheckLanguage.of(sourceLanguage);
        CheckLanguage to = CheckLanguage.of(translationLanguage);
        requireText(source, "source");
        requireText(translation, "translation");
        return List.of(
                numbers.check(source, from, translation, to, true),
                names.checkTranslation(source, from, translation, to),
                negations.checkTranslation(source, from, translation, to));
    }

    private static void requireText(String text, String what) {
        Objects.requireNonNull(text, () -> "fact checks need the " + what + " text, got null");
    }
}
