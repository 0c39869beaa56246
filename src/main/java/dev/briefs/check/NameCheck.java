package dev.briefs.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names: every name in the checked text must be in its source, and every name of a source in
 * its translation. Each word of a name is looked for among all the other text's words
 * ({@link NameLookup}): through their Latin forms ({@link LatinForm}), across languages through
 * the names CLDR gives in both ({@link NameEquivalents}) and through acronyms ("Russian
 * Federation" for "РФ").
 *
 * <p>A name is told by its words that are no common words ({@link CommonWords}). The common
 * ones are titles and descriptions that a translation translates ("Ministry of Defense of
 * Ukraine" for "Міністерства оборони України"), so they neither vouch for a name nor need to be
 * found; they also part two names that stand side by side ("Aiden Aslin President Vladimir
 * Putin"), each of which must then be found on its own. One found word is enough for a run of
 * telling words, since a first name or a title may be added or left out. A name made only of
 * common words ("the Bill" for "законопроєкт", "Federal Security Service" for "ФСБ") passes
 * when one of them is found and is otherwise reported unchecked: without a bilingual dictionary
 * it cannot be told from a translated common word. A swap to such a name is still caught in a
 * translation, where the source's name it replaced is then missing. A translation of a Ukrainian
 * source also keeps its peoples, languages and their adjectives, which Ukrainian writes in lower
 * case ({@link LowerCaseNames}: "російські" is "Russian").
 */
final class NameCheck {

    static final String NOT_IN_SOURCE = "not in the source";
    static final String MISSING_FROM_TRANSLATION = "in the source, missing from the translation";
    static final String ONLY_COMMON_WORDS =
            "only common words, which may translate common words of the source:" + " not checked";

    private final Map<CheckLanguage, LanguageTools> tools;
    private final NameEquivalents equivalents;
    private final LowerCaseNames lowerCaseNames;

    NameCheck(Map<CheckLanguage, LanguageTools> tools, NameEquivalents equivalents, LowerCaseNames lowerCaseNames) {
        this.tools = tools;
        this.equivalents = equivalents;
        this.lowerCaseNames = lowerCaseNames;
    }

    /** A name not found in the other text: the keys of its words that were looked for in vain. */
    private record Missing(NameExtractor.Name name, List<String> keys, boolean onlyCommon) {}

    /** Every name of the checked text must be in its source: for summaries and translations. */
    CheckResult check(String source, CheckLanguage sourceLanguage, String checked, CheckLanguage checkedLanguage) {
        List<Flag> flags = new ArrayList<>();
        List<Unchecked> unchecked = new ArrayList<>();
        NameLookup inSource = NameLookup.of(source, tools.get(sourceLanguage), equivalents);
        for (Missing missing : missing(checked, tools.get(checkedLanguage), inSource, false)) {
            if (missing.onlyCommon()) {
                unchecked.add(new Unchecked(missing.name().text(), ONLY_COMMON_WORDS));
            } else {
                flags.add(new Flag(missing.name().text(), String.join(" ", missing.keys()), NOT_IN_SOURCE));
            }
        }
        return CheckResult.of(CheckKind.NAMES, flags, unchecked);
    }

    /**
     * A translation also keeps every name of its source: a name swapped for another is then
     * missing, even where the new one cannot be checked (a name of common words: "Questions").
     * A source name made only of common words may have been translated, so it is not looked for.
     */
    CheckResult checkTranslation(
            String source, CheckLanguage sourceLanguage, String translation, CheckLanguage translationLanguage) {
        CheckResult forward = check(source, sourceLanguage, translation, translationLanguage);
        List<Flag> flags = new ArrayList<>(forward.flagged());
        NameLookup inTranslation = NameLookup.of(translation, tools.get(translationLanguage), equivalents);
        boolean acrossLanguages = sourceLanguage != translationLanguage;
        for (Missing missing : missing(source, tools.get(sourceLanguage), inTranslation, acrossLanguages)) {
            if (!missing.onlyCommon()) {
                flags.add(new Flag(missing.name().text(), String.join(" ", missing.keys()), MISSING_FROM_TRANSLATION));
            }
        }
        if (sourceLanguage == CheckLanguage.UK && acrossLanguages) {
            // Ukrainian writes peoples, languages and their adjectives in lower case: "російські" is "Russian"
            for (LowerCaseNames.Found found : lowerCaseNames.in(source)) {
                LatinForm form = tools.get(sourceLanguage).latin().of(found.word());
                // or kept in its own spelling, in a name: "Європейська правда" as "Yevropeiska Pravda"
                if (!inTranslation.hasAnyOf(found.english()) && !inTranslation.has(form, sourceLanguage)) {
                    flags.add(new Flag(found.word(), form.key(), MISSING_FROM_TRANSLATION));
                }
            }
        }
        return CheckResult.of(CheckKind.NAMES, flags, forward.unchecked());
    }

    /**
     * The names of {@code text} that {@code other} does not have. With {@code translated} (the
     * names of a source, looked for in its translation), acronyms and names of first names only are
     * not looked for: a translation mostly spells acronyms out or translates them ("ЗСУ" is "Armed
     * Forces of Ukraine", "ФСБ" "FSB"), and may name a person otherwise ("пан Дмитро" is "Mr.
     * Natalukha").
     */
    private List<Missing> missing(String text, LanguageTools language, NameLookup other, boolean translated) {
        Map<String, Boolean> found = new HashMap<>();
        List<Missing> missingNames = new ArrayList<>();
        for (NameExtractor.Name name : language.names().names(text)) {
            List<String> words = translated
                    ? name.words().stream()
                            .filter(word -> Acronyms.in(word) == null)
                            .toList()
                    : name.words();
            if (words.isEmpty() || other.hasAcronymOf(words, language)) {
                continue;
            }
            List<List<String>> runs = tellingRuns(words, language.common());
            boolean onlyCommon = runs.isEmpty();
            if (onlyCommon) {
                runs = List.of(words);
            }
            List<String> missing = new ArrayList<>();
            for (List<String> run : runs) {
                if (translated && run.stream().allMatch(language.firstNames())) {
                    continue;
                }
                List<String> runMissing = new ArrayList<>();
                for (String word : run) {
                    LatinForm form = language.latin().of(word);
                    if (!found.computeIfAbsent(form.key(), key -> other.has(form, language.language()))) {
                        runMissing.add(form.key());
                    }
                }
                if (runMissing.size() == run.size() && !other.hasAcronymOf(run, language)) {
                    missing.addAll(runMissing);
                }
            }
            if (!missing.isEmpty()) {
                missingNames.add(new Missing(name, List.copyOf(missing), onlyCommon));
            }
        }
        return missingNames;
    }

    /**
     * The name's words in runs of words that are no common words, in order ("Aiden Aslin", "Vladimir
     * Putin"). A place is a run of its own, since finding the person next to it says nothing of it
     * ("Японії" and "Фуміо Кісіда" in "Прем'єр-міністр Японії Фуміо Кісіда"), also where it is a
     * common word too ("Бучу", "МВС Білорусі"), but not in a name of other common words ("Білого
     * Дому", where "Дому" is a village too).
     */
    private static List<List<String>> tellingRuns(List<String> words, CommonWords common) {
        // a place that is a common word too ("Бучу") is one unless its name has other common words ("Білого Дому")
        boolean placesCount = words.stream().allMatch(word -> common.isPlace(word) || !common.isCommon(word));
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String word : words) {
            if (common.isPlace(word) && (placesCount || !common.isCommon(word))) {
                runs.add(List.of(word));
            } else if (common.isCommon(word)) {
                if (!run.isEmpty()) {
                    runs.add(List.copyOf(run));
                    run.clear();
                }
            } else {
                run.add(word);
            }
        }
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
        }
        return runs;
    }
}
