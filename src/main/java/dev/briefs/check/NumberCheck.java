package dev.briefs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Numbers, amounts, percentages, dates and times of day: every one in the checked text must be
 * in its source, compared by value ("10 000" is "10,000", "19 березня" is "March 19"); a
 * translation must also keep every one of its source.
 */
final class NumberCheck {

    static final String NOT_IN_SOURCE = "not in the source";
    static final String MISSING_FROM_TRANSLATION = "in the source, missing from the translation";

    private final Map<CheckLanguage, LanguageTools> tools;

    NumberCheck(Map<CheckLanguage, LanguageTools> tools) {
        this.tools = tools;
    }

    CheckResult check(
            String source,
            CheckLanguage sourceLanguage,
            String checked,
            CheckLanguage checkedLanguage,
            boolean translation) {
        List<Mention> inSource = tools.get(sourceLanguage).quantities().read(source);
        List<Mention> inChecked = tools.get(checkedLanguage).quantities().read(checked);
        Mentioned sourceMentions = Mentioned.of(inSource);
        Mentioned checkedMentions = Mentioned.of(inChecked);
        List<Flag> flags = new ArrayList<>();
        for (Mention mention : inChecked) {
            if (!mention.foundIn(sourceMentions)) {
                flags.add(new Flag(mention.text(), mention.normalised(), NOT_IN_SOURCE));
            }
        }
        if (translation) {
            for (Mention mention : inSource) {
                if (!mention.foundIn(checkedMentions)) {
                    flags.add(new Flag(mention.text(), mention.normalised(), MISSING_FROM_TRANSLATION));
                }
            }
        }
        return CheckResult.of(CheckKind.NUMBERS, flags);
    }
}
