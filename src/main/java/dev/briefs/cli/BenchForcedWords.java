package dev.briefs.cli;

import dev.briefs.generate.ForceWords;
import dev.briefs.generate.GenerationConfig;
import dev.briefs.generate.Seq2SeqModel;
import dev.briefs.inference.Seq2SeqGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The forced words of {@code bench --force-words}, per sentence: the file's constraints that apply to it,
 * tokenized by {@link Seq2SeqGenerator#forcedWords} exactly as {@code translate --force-word} does, or null where
 * none applies (that sentence runs plain beam search, as the night runs it).
 */
final class BenchForcedWords {

    private final ForceWordsFile file;
    private final List<List<ForceWordsFile.Entry>> perSentence;
    private final List<@Nullable ForceWords> ids;

    private BenchForcedWords(
            ForceWordsFile file, List<List<ForceWordsFile.Entry>> perSentence, List<@Nullable ForceWords> ids) {
        this.file = file;
        this.perSentence = perSentence;
        this.ids = ids;
    }

    /**
     * Tokenizes every line alone first, so that a word the model cannot write is reported with its line, then
     * each sentence's set of words together.
     */
    static BenchForcedWords of(ForceWordsFile file, Seq2SeqGenerator generator, List<String> sentences) {
        for (ForceWordsFile.Entry e : file.entries()) {
            try {
                generator.forcedWords(List.of(e.word()));
            } catch (IllegalArgumentException ex) {
                throw file.lineError(e.line(), ex.getMessage());
            }
        }
        Map<List<ForceWordsFile.Entry>, ForceWords> byWords = new HashMap<>();
        List<List<ForceWordsFile.Entry>> perSentence = new ArrayList<>();
        List<@Nullable ForceWords> ids = new ArrayList<>();
        for (String s : sentences) {
            List<ForceWordsFile.Entry> entries = file.entriesFor(s);
            perSentence.add(entries);
            if (entries.isEmpty()) {
                ids.add(null);
                continue;
            }
            ForceWords fw = byWords.get(entries);
            if (fw == null) {
                try {
                    fw = generator.forcedWords(
                            entries.stream().map(ForceWordsFile.Entry::word).toList());
                } catch (IllegalArgumentException ex) {
                    throw file.lineError(
                            entries.get(0).line(),
                            "the words of lines "
                                    + entries.stream()
                                            .map(e -> String.valueOf(e.line()))
                                            .collect(Collectors.joining(", "))
                                    + " cannot be forced together: " + ex.getMessage());
                }
                byWords.put(entries, fw);
            }
            ids.add(fw);
        }
        return new BenchForcedWords(file, perSentence, ids);
    }

    ForceWordsFile file() {
        return file;
    }

    /** The forced words of sentence {@code i}, or null when none applies. */
    @Nullable
    ForceWords forSentence(int i) {
        return ids.get(i);
    }

    /** How many sentences get at least one forced word. */
    int sentencesWithWords() {
        return (int) ids.stream().filter(w -> w != null).count();
    }

    /**
     * Whether the output of sentence {@code i} holds every word that applies to it, as text: one of the accepted
     * forms of each, exactly as written in the file.
     */
    boolean holdsEvery(int i, String output) {
        for (ForceWordsFile.Entry e : perSentence.get(i)) {
            if (e.forms().stream().noneMatch(output::contains)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Constrained beam search over sentences {@code from} (inclusive) to {@code to} (exclusive) of one batch:
     * neighbours with the same words share a call, a sentence with other words starts a new one (a call has one
     * {@code force_words_ids}), and a sentence without words runs plain beam search. Outputs in sentence order.
     */
    int[][] run(Seq2SeqModel model, List<long[]> ids, int from, int to, GenerationConfig plain) {
        int[][] out = new int[to - from][];
        int start = from;
        while (start < to) {
            int end = start + 1;
            while (end < to && Objects.equals(forSentence(end), forSentence(start))) {
                end++;
            }
            GenerationConfig cfg = plain.copy().setForceWords(forSentence(start));
            int[][] group = BenchCommand.runBatch(model, ids.subList(start, end), cfg);
            System.arraycopy(group, 0, out, start - from, group.length);
            start = end;
        }
        return out;
    }
}
