package dev.briefs.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Negations, as words ({@link NegationCues}): a translation must negate as many times as its
 * source; each sentence of a summary in its source's language as many times as the source
 * sentence it shares the most words with. It counts words, so it cannot tell which statement a
 * negation belongs to, nor see a negation made with a prefix or an antonym (see docs/fact-checks.md).
 */
final class NegationCheck {

    static final String DROPPED = "the source negates more often than the translation";
    static final String ADDED = "the translation negates more often than the source";
    static final String SENTENCE_DIFFERS = "negated differently from the source sentence it repeats";
    /** The share of a summary sentence's words its source sentence must have for the two to be compared. */
    private static final double ALIGNED = 0.5;

    private final Map<CheckLanguage, LanguageTools> tools;

    NegationCheck(Map<CheckLanguage, LanguageTools> tools) {
        this.tools = tools;
    }

    CheckResult checkTranslation(
            String source, CheckLanguage sourceLanguage, String translation, CheckLanguage translationLanguage) {
        List<String> inSource = tools.get(sourceLanguage).negations().in(source);
        List<String> inTranslation = tools.get(translationLanguage).negations().in(translation);
        List<Flag> flags = new ArrayList<>();
        if (inSource.size() != inTranslation.size()) {
            boolean dropped = inSource.size() > inTranslation.size();
            flags.add(new Flag(
                    String.join(", ", dropped ? inSource : inTranslation),
                    inSource.size() + " in the source, " + inTranslation.size() + " in the translation",
                    dropped ? DROPPED : ADDED));
        }
        return CheckResult.of(CheckKind.NEGATION, flags);
    }

    /** Only for a summary in its source's language: sentences are aligned by their shared words. */
    CheckResult checkSummary(String source, String summary, CheckLanguage language) {
        LanguageTools reading = tools.get(language);
        List<String> sourceSentences = reading.tokenizer().sentences(source);
        List<Set<String>> sourceWords = sourceSentences.stream()
                .map(sentence -> words(reading, sentence))
                .toList();
        List<Flag> flags = new ArrayList<>();
        for (String sentence : reading.tokenizer().sentences(summary)) {
            Set<String> words = words(reading, sentence);
            int best = -1;
            double bestShare = 0;
            for (int i = 0; i < sourceWords.size(); i++) {
                Set<String> shared = new HashSet<>(words);
                shared.retainAll(sourceWords.get(i));
                double share = words.isEmpty() ? 0 : (double) shared.size() / words.size();
                if (share > bestShare) {
                    best = i;
                    bestShare = share;
                }
            }
            if (best < 0 || bestShare < ALIGNED) {
                continue;
            }
            List<String> inSummary = reading.negations().in(sentence);
            List<String> inSource = reading.negations().in(sourceSentences.get(best));
            if (inSummary.size() != inSource.size()) {
                flags.add(new Flag(
                        sentence,
                        inSource.size() + " in the source sentence, " + inSummary.size() + " in the summary's",
                        SENTENCE_DIFFERS));
            }
        }
        return CheckResult.of(CheckKind.NEGATION, flags);
    }

    private static Set<String> words(LanguageTools reading, String sentence) {
        Set<String> words = new HashSet<>();
        for (Tokenizer.Token token : reading.tokenizer().tokens(sentence)) {
            if (token.word()) {
                words.add(token.text().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
