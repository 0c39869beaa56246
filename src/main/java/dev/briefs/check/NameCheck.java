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
 * ("Russian Federation" for "РФ"). A name of several words passes when one of them is found:
 * institutions mix names with translated words ("Ministry of Defense of Ukraine" for
 * "Міністерства оборони України").
 */
final class NameCheck {

    static final String NOT_IN_SOURCE = "not in the source";

    private final Map<CheckLanguage, LanguageTools> tools;
    private final NameEquivalents equivalents;

    NameCheck(Map<CheckLanguage, LanguageTools> tools, NameEquivalents equivalents) {
        this.tools = tools;
        this.equivalents = equivalents;
    }

    CheckResult check(String source, CheckLanguage sourceLanguage, String checked, CheckLanguage checkedLanguage) {
        LanguageTools from = tools.get(sourceLanguage);
        LanguageTools to = tools.get(checkedLanguage);
        List<LatinForm> sourceWords = new ArrayList<>();
        Set<String> sourceAcronyms = new HashSet<>();
        boolean sourceHasShortAcronym = false;
        for (Tokenizer.Token token : from.tokenizer().tokens(source)) {
            if (token.word()) {
                sourceWords.add(from.latin().of(token.text()));
                String acronym = Acronyms.in(token.text());
                if (acronym != null) {
                    sourceAcronyms.add(from.latin().of(acronym).key());
                    sourceHasShortAcronym |= acronym.length() <= Acronyms.SHORT;
                }
            }
        }
        for (NameExtractor.Name name : from.names().names(source)) {
            sourceAcronyms.add(from.latin().of(Acronyms.initials(name)).key());
        }
        Map<String, Boolean> found = new HashMap<>();
        List<Flag> flags = new ArrayList<>();
        for (NameExtractor.Name name : to.names().names(checked)) {
            List<String> missing = new ArrayList<>();
            for (String word : name.words()) {
                LatinForm form = to.latin().of(word);
                if (!found.computeIfAbsent(form.key(), key -> isInSource(form, checkedLanguage, sourceWords, sourceLanguage))) {
                    missing.add(form.key());
                }
            }
            boolean several = name.words().size() > 1;
            String initials = to.latin().of(several ? Acronyms.initials(name) : name.text()).key();
            boolean asAcronym = initials.length() >= 2 && (several || Acronyms.is(name.text()))
                    && sourceAcronyms.contains(initials);
            boolean translatedAcronym = sourceLanguage != checkedLanguage && Acronyms.is(name.text())
                    && name.text().length() <= Acronyms.SHORT && sourceHasShortAcronym;
            if (missing.size() == name.words().size() && !asAcronym && !translatedAcronym) {
                flags.add(new Flag(name.text(), String.join(" ", missing), NOT_IN_SOURCE));
            }
        }
        return CheckResult.of(CheckKind.NAMES, flags);
    }

    private boolean isInSource(LatinForm word, CheckLanguage language, List<LatinForm> sourceWords,
                               CheckLanguage sourceLanguage) {
        if (sourceWords.stream().anyMatch(word::sameNameAs)) {
            return true;
        }
        if (language == sourceLanguage) {
            return false;
        }
        Set<LatinForm> inSourceLanguage = equivalents.equivalents(word, language, sourceLanguage);
        // both in the source's language now: one word in another case or part of speech shares the stem
        return sourceWords.stream().anyMatch(sourceWord -> inSourceLanguage.stream()
                .anyMatch(equivalent -> sourceWord.sameNameAs(equivalent) || sourceWord.sameStemAs(equivalent)));
    }
}
