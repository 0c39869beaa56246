package dev.briefs.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names: every name in the checked text must be in its source. Each word of a name is looked
 * for among all the source's words, capitalised or not (Ukrainian writes "росіяни" and, by
 * choice, "путін" in lower case), through their Latin forms ({@link LatinForm}), and across
 * languages through the names CLDR gives in both ({@link NameEquivalents}) and through acronyms
 * ("Russian Federation" for "РФ").
 *
 * <p>A name is told by its words that are no common words ({@link CommonWords}). The common
 * ones are titles and descriptions that a translation translates ("Ministry of Defense of
 * Ukraine" for "Міністерства оборони України"), so they neither vouch for a name nor need to be
 * found; they also part two names that stand side by side ("Aiden Aslin President Vladimir
 * Putin"), each of which must then be found on its own. One found word is enough for a run of
 * telling words, since a first name or a title may be added or left out. A name made only of
 * common words ("the Bill" for "законопроєкт", "Federal Security Service" for "ФСБ") passes
 * when one of them is found and is otherwise reported unchecked: without a bilingual dictionary
 * it cannot be told from a translated common word.
 */
final class NameCheck {

    static final String NOT_IN_SOURCE = "not in the source";
    static final String ONLY_COMMON_WORDS = "only common words, which may translate common words of the source:"
            + " not checked";

    private final Map<CheckLanguage, LanguageTools> tools;
    private final NameEquivalents equivalents;

    NameCheck(Map<CheckLanguage, LanguageTools> tools, NameEquivalents equivalents) {
        this.tools = tools;
        this.equivalents = equivalents;
    }

    /** The source as the check looks names up in it. */
    private record Source(CheckLanguage language, List<LatinForm> words, Set<String> acronyms, boolean hasShortAcronym) {
    }

    CheckResult check(String source, CheckLanguage sourceLanguage, String checked, CheckLanguage checkedLanguage) {
        Source from = source(source, sourceLanguage);
        LanguageTools to = tools.get(checkedLanguage);
        Map<String, Boolean> found = new HashMap<>();
        List<Flag> flags = new ArrayList<>();
        List<Unchecked> unchecked = new ArrayList<>();
        for (NameExtractor.Name name : to.names().names(checked)) {
            if (isAcronymOf(name.words(), from, to)) {
                continue;
            }
            List<List<String>> runs = tellingRuns(name.words(), to.common());
            boolean onlyCommon = runs.isEmpty();
            if (onlyCommon) {
                runs = List.of(name.words());
            }
            List<String> missing = new ArrayList<>();
            for (List<String> run : runs) {
                List<String> runMissing = new ArrayList<>();
                for (String word : run) {
                    LatinForm form = to.latin().of(word);
                    if (!found.computeIfAbsent(form.key(), key -> isInSource(form, checkedLanguage, from))) {
                        runMissing.add(form.key());
                    }
                }
                if (runMissing.size() == run.size() && !isAcronymOf(run, from, to)) {
                    missing.addAll(runMissing);
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            if (onlyCommon) {
                unchecked.add(new Unchecked(name.text(), ONLY_COMMON_WORDS));
            } else {
                flags.add(new Flag(name.text(), String.join(" ", missing), NOT_IN_SOURCE));
            }
        }
        return CheckResult.of(CheckKind.NAMES, flags, unchecked);
    }

    private Source source(String text, CheckLanguage language) {
        LanguageTools from = tools.get(language);
        List<LatinForm> words = new ArrayList<>();
        Set<String> acronyms = new HashSet<>();
        boolean hasShortAcronym = false;
        for (Tokenizer.Token token : from.tokenizer().tokens(text)) {
            if (token.word()) {
                words.add(from.latin().of(token.text()));
                String acronym = Acronyms.in(token.text());
                if (acronym != null) {
                    acronyms.add(from.latin().of(acronym).key());
                    hasShortAcronym |= acronym.length() <= Acronyms.SHORT;
                }
            }
        }
        for (NameExtractor.Name name : from.names().names(text)) {
            acronyms.add(from.latin().of(Acronyms.initials(name.words())).key());
        }
        return new Source(language, words, acronyms, hasShortAcronym);
    }

    /** The name's words in runs of words that are no common words, in order ("Aiden Aslin", "Vladimir Putin"). */
    private static List<List<String>> tellingRuns(List<String> words, CommonWords common) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String word : words) {
            if (common.isCommon(word)) {
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

    /**
     * Whether words are an acronym of the source's or their initials are ("Russian Federation"
     * for "рф"), or, across languages, a short acronym where the source has one: short acronyms
     * are mostly translated ("KGB" for "КДБ").
     */
    private static boolean isAcronymOf(List<String> words, Source source, LanguageTools language) {
        String only = words.size() == 1 ? words.get(0) : null;
        if (only != null && !Acronyms.is(only)) {
            return false;
        }
        String initials = language.latin().of(only != null ? only : Acronyms.initials(words)).key();
        if (initials.length() >= 2 && source.acronyms().contains(initials)) {
            return true;
        }
        return only != null && source.language() != language.language() && only.length() <= Acronyms.SHORT
                && source.hasShortAcronym();
    }

    private boolean isInSource(LatinForm word, CheckLanguage language, Source source) {
        if (source.words().stream().anyMatch(word::sameNameAs)) {
            return true;
        }
        if (language == source.language()) {
            return false;
        }
        Set<LatinForm> inSourceLanguage = equivalents.equivalents(word, language, source.language());
        // both in the source's language now: one word in another case or part of speech shares the stem
        return source.words().stream().anyMatch(sourceWord -> inSourceLanguage.stream()
                .anyMatch(equivalent -> sourceWord.sameNameAs(equivalent) || sourceWord.sameStemAs(equivalent)));
    }
}
