package dev.briefs.eval;

import java.util.List;

/**
 * A corpus BLEU score and the statistics it came from, as sacrebleu's {@code BLEUScore} reports them.
 *
 * @param score      0 to 100
 * @param counts     matched n-grams of each order, 1 to 4
 * @param totals     the hypotheses' n-grams of each order
 * @param precisions each order's precision in percent, smoothed where nothing matched
 * @param bp         the brevity penalty
 * @param hypLength  the hypotheses' tokens
 * @param refLength  the references' tokens
 */
public record BleuScore(
        double score,
        List<Integer> counts,
        List<Integer> totals,
        List<Double> precisions,
        double bp,
        int hypLength,
        int refLength) {

    /** sacrebleu's verbose part: {@code 64.1/40.0/26.7/18.2 (BP = 1.000 ratio = 1.010 hyp_len = 100 ref_len = 99)}. */
    public String verbose() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < precisions.size(); i++) {
            s.append(i == 0 ? "" : "/").append(Decimals.fixed(precisions.get(i), 1));
        }
        double ratio = refLength == 0 ? 0 : (double) hypLength / refLength;
        return s + " (BP = " + Decimals.fixed(bp, 3) + " ratio = " + Decimals.fixed(ratio, 3) + " hyp_len = "
                + hypLength + " ref_len = " + refLength + ")";
    }
}
