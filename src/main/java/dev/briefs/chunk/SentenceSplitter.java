package dev.briefs.chunk;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits text into sentences with ICU's sentence BreakIterator, filtered by ICU's abbreviation
 * suppressions for the language plus a few that news copy uses all the time and ICU leaves out
 * ("Dr.", "U.S.", Ukrainian "м.", "вул."), so that they do not end a sentence.
 * Paragraph breaks always end a sentence (headlines and datelines have no final period).
 * ICU iterators are not thread-safe, so each call clones a prototype.
 */
public final class SentenceSplitter {

    private static final Map<String, List<String>> NEWS_ABBREVIATIONS = Map.of(
            "en",
                    List.of(
                            "Dr.", "U.S.", "U.K.", "U.N.", "St.", "Gen.", "Lt.", "Col.", "Sgt.", "Gov.", "Sen.", "Rep.",
                            "Prof.", "Rev.", "Jr.", "Sr.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.",
                            "Dec."),
            "uk", List.of("м.", "вул.", "ім.", "обл.", "проф.", "див.", "с.", "просп.", "пл.", "акад.", "буд."),
            "ru", List.of("г.", "ул.", "им.", "обл.", "проф.", "см.", "просп.", "пл.", "акад."));

    private final String language;
    private final List<String> abbreviations;
    private final BreakIterator prototype;

    public SentenceSplitter(String language) {
        this.language = language;
        ULocale locale = new ULocale(language);
        FilteredBreakIteratorBuilder filter = FilteredBreakIteratorBuilder.getInstance(locale);
        this.abbreviations = NEWS_ABBREVIATIONS.getOrDefault(language, List.of());
        for (String abbreviation : abbreviations) {
            filter.suppressBreakAfter(abbreviation);
        }
        this.prototype = filter.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(locale));
    }

    public String language() {
        return language;
    }

    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            int firstOfParagraph = sentences.size();
            BreakIterator it = (BreakIterator) prototype.clone();
            it.setText(paragraph);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String sentence = paragraph.substring(start, end).strip().replaceAll("\\s+", " ");
                if (sentence.isEmpty()) {
                    continue;
                }
                if (sentences.size() > firstOfParagraph
                        && (endsWithAbbreviation(sentences.get(sentences.size() - 1)) || startsInLowerCase(sentence))) {
                    sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + " " + sentence);
                } else {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    /**
     * A quoted exclamation or question inside a sentence ({@code Але "Ніколи знову!" означає...}) ends a
     * sentence for ICU (Unicode's rules break after "!" and "?" whatever follows), which would leave a
     * fragment that a brief could pick alone. No sentence of news copy starts in lower case, so such a
     * piece is joined to the one before.
     */
    private static boolean startsInLowerCase(String sentence) {
        for (int i = 0; i < sentence.length(); ) {
            int c = sentence.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.isLowerCase(c);
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * ICU's filter does not catch abbreviations with inner periods such as "U.S.", so a break
     * right after one of the listed abbreviations is undone here.
     */
    private boolean endsWithAbbreviation(String sentence) {
        for (String abbreviation : abbreviations) {
            if (sentence.endsWith(abbreviation)) {
                int before = sentence.length() - abbreviation.length() - 1;
                if (before < 0 || !Character.isLetterOrDigit(sentence.charAt(before))) {
                    return true;
                }
            }
        }
        return false;
    }
}
