package dev.briefs.summarise;

import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.failure.Degradation;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a text that must stay in order (a model's summary, a translation) within a brief's word
 * limit: whole sentences from the start while they fit; if not even the first fits, it is cut at
 * the limit and marked with an ellipsis.
 */
public final class WordLimit {

    private WordLimit() {}

    /** Whether {@link #fit} cuts a sentence of this text: when not even the first fits the limit. */
    public static boolean cutsASentence(String text, SentenceSplitter splitter, int maxWords) {
        if (Words.count(text) <= maxWords) {
            return false;
        }
        List<String> sentences = splitter.split(text);
        return !sentences.isEmpty() && Words.count(sentences.get(0)) > maxWords;
    }

    /** The degradation a cut sentence is reported as, for the brief in {@code language}. */
    public static Degradation cut(String language, int maxWords) {
        return new Degradation(
                Degradation.SENTENCE_CUT,
                language,
                "its first sentence is longer than the brief's " + maxWords
                        + " words (brief.max-words) and was cut at the limit, marked with an ellipsis");
    }

    public static String fit(String text, SentenceSplitter splitter, int maxWords) {
        if (Words.count(text) <= maxWords) {
            return text;
        }
        List<String> sentences = new ArrayList<>(splitter.split(text));
        List<Integer> inOrder = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            inOrder.add(i);
        }
        StringBuilder out = new StringBuilder();
        for (int i : ExtractiveSummariser.choosePrefix(inOrder, sentences, maxWords)) {
            out.append(out.isEmpty() ? "" : " ").append(sentences.get(i));
        }
        return out.toString();
    }
}
