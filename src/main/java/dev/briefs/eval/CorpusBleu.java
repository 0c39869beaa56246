package dev.briefs.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Corpus BLEU exactly as sacrebleu 2.x's {@code BLEU().corpus_score(hyps, [refs])} computes it with
 * its defaults: the 13a tokenizer, mixed case, n-grams up to 4, exponential smoothing
 * (mteval-v13a's: each order without a match counts as 1 / (2^k * total)), no effective order
 * (an order with no n-grams at all makes the score 0), and one reference a segment.
 */
public final class CorpusBleu {

    static final int MAX_ORDER = 4;
    /** sacrebleu's {@code my_log(0)}: the log of a zero precision, floored. */
    private static final double LOG_ZERO = -9999999999.0;

    public static final String SIGNATURE = "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp";

    private CorpusBleu() {}

    public static BleuScore score(List<String> hypotheses, List<String> references) {
        Segments.requireSameSize(hypotheses, references);
        long[] correct = new long[MAX_ORDER];
        long[] total = new long[MAX_ORDER];
        long hypLength = 0;
        long refLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> hyp = Tokenizer13a.tokens(hypotheses.get(i));
            List<String> ref = Tokenizer13a.tokens(references.get(i));
            hypLength += hyp.size();
            refLength += ref.size();
            for (int n = 1; n <= MAX_ORDER; n++) {
                NgramCounts h = NgramCounts.ofWords(hyp, n);
                total[n - 1] += h.total();
                correct[n - 1] += h.overlap(NgramCounts.ofWords(ref, n));
            }
        }
        return compute(correct, total, Math.toIntExact(hypLength), Math.toIntExact(refLength));
    }

    /** sacrebleu's {@code BLEU.compute_bleu} with smooth_method 'exp' and effective_order False. */
    static BleuScore compute(long[] correct, long[] total, int hypLength, int refLength) {
        double bp = 1.0;
        if (hypLength < refLength) {
            bp = hypLength > 0 ? Math.exp(1 - (double) refLength / hypLength) : 0.0;
        }
        double[] precisions = new double[MAX_ORDER];
        if (Arrays.stream(correct).allMatch(c -> c == 0)) {
            return result(0.0, correct, total, precisions, bp, hypLength, refLength);
        }
        double smooth = 1.0;
        for (int n = 1; n <= MAX_ORDER; n++) {
            if (total[n - 1] == 0) {
                break;
            }
            if (correct[n - 1] == 0) {
                smooth *= 2;
                precisions[n - 1] = 100.0 / (smooth * total[n - 1]);
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double logSum = 0;
        for (double p : precisions) {
            logSum += p == 0.0 ? LOG_ZERO : Math.log(p);
        }
        return result(bp * Math.exp(logSum / MAX_ORDER), correct, total, precisions, bp, hypLength, refLength);
    }

    private static BleuScore result(
            double score, long[] correct, long[] total, double[] precisions, double bp, int hypLength, int refLength) {
        List<Integer> counts = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        for (int n = 0; n < MAX_ORDER; n++) {
            counts.add(Math.toIntExact(correct[n]));
            totals.add(Math.toIntExact(total[n]));
        }
        return new BleuScore(
                score, counts, totals, Arrays.stream(precisions).boxed().toList(), bp, hypLength, refLength);
    }
}
