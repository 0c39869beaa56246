package dev.briefs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bench --force-words} adds: per configuration, plain and constrained beam search side by side, the
 * ratio of their tokens per second, and how many outputs hold every forced word with and without constraints.
 */
final class BenchForcedTable {

    private BenchForcedTable() {}

    /** A configuration measured both ways, measured in the same run one after the other. */
    record Pair(BenchCommand.Result plain, BenchCommand.Result constrained) {

        double ratio() {
            return plain.tokensPerS() <= 0 ? 0 : constrained.tokensPerS() / plain.tokensPerS();
        }
    }

    /** The pairs, in the order measured: each constrained result follows its plain one. */
    static List<Pair> pairs(List<BenchCommand.Result> results) {
        List<Pair> out = new ArrayList<>();
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).search().equals(BenchCommand.CONSTRAINED)) {
                out.add(new Pair(results.get(i - 1), results.get(i)));
            }
        }
        return out;
    }

    static void print(PrintWriter out, BenchForcedWords forced, int sentences, List<BenchCommand.Result> results) {
        out.println();
        out.printf(
                "forced words: %s, %d line(s); %d of %d sentences get at least one (the others run plain beam"
                        + " search in the constrained rows too)%n",
                forced.file().file(), forced.file().entries().size(), forced.sentencesWithWords(), sentences);
        String head = String.format(
                "%-9s %-5s %5s %11s %11s %8s %11s %11s",
                "variant", "cache", "batch", "plain tok/s", "+fw tok/s", "+fw/plain", "held plain", "held +fw");
        out.println(head);
        out.println("-".repeat(head.length()));
        for (Pair p : pairs(results)) {
            out.printf(
                    Locale.ROOT,
                    "%-9s %-5s %5d %11.1f %11.1f %8.2fx %11s %11s%n",
                    p.plain().variant(),
                    p.plain().cache() ? "on" : "off",
                    p.plain().batch(),
                    p.plain().tokensPerS(),
                    p.constrained().tokensPerS(),
                    p.ratio(),
                    p.plain().forcedHeld() + "/" + p.plain().forcedSentences(),
                    p.constrained().forcedHeld() + "/" + p.constrained().forcedSentences());
        }
        out.println("held: outputs that contain every word forced on their sentence (one of its forms), of the"
                + " sentences that get words.");
    }

    static Map<String, Object> json(BenchForcedWords forced, List<BenchCommand.Result> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", forced.file().file().toString());
        doc.put("lines", forced.file().entries().size());
        doc.put("sentences_with_words", forced.sentencesWithWords());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Pair p : pairs(results)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", p.plain().variant());
            row.put("cache", p.plain().cache());
            row.put("batch", p.plain().batch());
            row.put("plain_tokens_per_s", p.plain().tokensPerS());
            row.put("constrained_tokens_per_s", p.constrained().tokensPerS());
            row.put("constrained_over_plain", BenchCommand.round(p.ratio(), 3));
            row.put("plain_held", p.plain().forcedHeld());
            row.put("constrained_held", p.constrained().forcedHeld());
            row.put("of", p.constrained().forcedSentences());
            rows.add(row);
        }
        doc.put("comparison", rows);
        return doc;
    }
}
