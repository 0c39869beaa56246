package dev.briefs.summarise;

import dev.briefs.chunk.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a text that must stay in order (a model's summary, a translation) within a brief's word
 * limit: whole sentences from the start while they fit; if not even the first fits, it is cut at
 * the limit and marked with an ellipsis.
 */
public final class WordLimit {

    private WordLimit() {
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
