package dev.briefs.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * ROUGE-N and ROUGE-L as rouge-score 0.1.2's {@code RougeScorer([...], use_stemmer=False).score(reference,
 * hypothesis)} computes them for one pair of texts, and their mean F-measure over lines (rouge-score
 * itself aggregates by bootstrap; the plain mean is what is reported here). ROUGE-L is the
 * sentence-level LCS (rougeL, not rougeLsum).
 */
public final class Rouge {

    /** n for ROUGE-N, or 0 for ROUGE-L. */
    private final int n;

    private final RougeTokenizer tokenizer;

    private Rouge(int n, RougeTokenizer tokenizer) {
        this.n = n;
        this.tokenizer = tokenizer;
    }

    public static Rouge n(int n, RougeTokenizer tokenizer) {
        if (n < 1) {
            throw new IllegalArgumentException("ROUGE-N needs n >= 1, is " + n);
        }
        return new Rouge(n, tokenizer);
    }

    public static Rouge lcs(RougeTokenizer tokenizer) {
        return new Rouge(0, tokenizer);
    }

    public String name() {
        return n == 0 ? "ROUGE-L" : "ROUGE-" + n;
    }

    public String signature() {
        return "tok:" + tokenizer.optionName() + "|stemmer:no|f:mean-over-lines";
    }

    public RougeScore score(List<String> hypotheses, List<String> references) {
        Segments.requireSameSize(hypotheses, references);
        List<Double> f = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> hyp = tokenizer.tokens(hypotheses.get(i));
            List<String> ref = tokenizer.tokens(references.get(i));
            double[] prf = n == 0 ? lcsScore(hyp, ref) : ngramScore(hyp, ref);
            p.add(prf[0]);
            r.add(prf[1]);
            f.add(prf[2]);
            sum += prf[2];
        }
        return new RougeScore(sum / hypotheses.size(), List.copyOf(f), List.copyOf(p), List.copyOf(r));
    }

    /** rouge-score's {@code _score_ngrams}: precision, recall, F. */
    private double[] ngramScore(List<String> hyp, List<String> ref) {
        NgramCounts h = NgramCounts.ofWords(hyp, n);
        NgramCounts r = NgramCounts.ofWords(ref, n);
        int overlap = r.overlap(h);
        double precision = (double) overlap / Math.max(h.total(), 1);
        double recall = (double) overlap / Math.max(r.total(), 1);
        return new double[] {precision, recall, fmeasure(precision, recall)};
    }

    /** rouge-score's {@code _score_lcs}: precision, recall, F. */
    private static double[] lcsScore(List<String> hyp, List<String> ref) {
        if (hyp.isEmpty() || ref.isEmpty()) {
            return new double[] {0, 0, 0};
        }
        int lcs = lcsLength(ref, hyp);
        double precision = (double) lcs / hyp.size();
        double recall = (double) lcs / ref.size();
        return new double[] {precision, recall, fmeasure(precision, recall)};
    }

    private static int lcsLength(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] =
                        a.get(i - 1).equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static double fmeasure(double precision, double recall) {
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    }
}
