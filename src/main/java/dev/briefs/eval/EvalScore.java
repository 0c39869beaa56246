package dev.briefs.eval;

/**
 * One metric's score over a corpus.
 *
 * @param name      the metric's display name: BLEU, chrF2, chrF2++, ROUGE-1, ROUGE-2, ROUGE-L
 * @param score     BLEU and chrF from 0 to 100 as sacrebleu gives them, ROUGE from 0 to 1 as rouge-score does
 * @param verbose   what sacrebleu prints after a BLEU score (precisions, brevity penalty, lengths); for ROUGE how
 *                  many lines the mean is over; empty for chrF
 * @param signature the settings that make the score comparable, in sacrebleu's signature style
 * @param matches   the Python package and version whose scores these are, which the test fixtures check
 * @param bleu      BLEU's statistics, for BLEU only (else null)
 * @param rouge     the per-line scores, for ROUGE only (else null)
 */
public record EvalScore(
        EvalMetric metric,
        String name,
        double score,
        String verbose,
        String signature,
        String matches,
        BleuScore bleu,
        RougeScore rouge) {

    /** One line for people: {@code BLEU = 23.4512 55.6/30.1/... [nrefs:1|...; as sacrebleu 2.6.0]}. */
    public String line() {
        return name + " = " + Decimals.fixed(score, 4) + (verbose.isEmpty() ? "" : " " + verbose) + " [" + signature
                + "; as " + matches + "]";
    }
}
