package dev.briefs.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Corpus chrF and chrF++ exactly as sacrebleu 2.x's {@code CHRF(word_order=...).corpus_score}
 * computes them with its other defaults: character n-grams up to 6 with whitespace removed, beta 2,
 * mixed case, and the statistics of all segments added up before one F-score over the orders
 * that have n-grams on both sides (its "effective order"; no epsilon smoothing). chrF++ adds word
 * unigrams and bigrams, with punctuation split off the ends of words as sacrebleu does.
 */
public final class CorpusChrf {

    static final int CHAR_ORDER = 6;
    static final int BETA = 2;
    /** The ASCII punctuation sacrebleu splits off a word's ends (Python's string.punctuation). */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final int wordOrder;

    private CorpusChrf(int wordOrder) {
        this.wordOrder = wordOrder;
    }

    /** chrF: characters only. */
    public static CorpusChrf chrf() {
        return new CorpusChrf(0);
    }

    /** chrF++: characters and word n-grams up to 2. */
    public static CorpusChrf chrfPlusPlus() {
        return new CorpusChrf(2);
    }

    /** sacrebleu's name for the score: chrF2 or chrF2++. */
    public String name() {
        return "chrF" + BETA + "+".repeat(wordOrder);
    }

    public String signature() {
        return "nrefs:1|case:mixed|eff:yes|nc:" + CHAR_ORDER + "|nw:" + wordOrder + "|space:no";
    }

    /** The corpus score, 0 to 100. */
    public double score(List<String> hypotheses, List<String> references) {
        Segments.requireSameSize(hypotheses, references);
        int orders = CHAR_ORDER + wordOrder;
        // Per order: hypothesis n-grams, reference n-grams, matches; summed over the corpus.
        long[] stats = new long[3 * orders];
        for (int i = 0; i < hypotheses.size(); i++) {
            List<NgramCounts> hyp = ngrams(hypotheses.get(i));
            List<NgramCounts> ref = ngrams(references.get(i));
            for (int k = 0; k < orders; k++) {
                NgramCounts h = hyp.get(k);
                NgramCounts r = ref.get(k);
                // sacrebleu counts no hypothesis n-grams where the reference has none.
                stats[3 * k] += r.isEmpty() ? 0 : h.total();
                stats[3 * k + 1] += r.total();
                stats[3 * k + 2] += h.overlap(r);
            }
        }
        return fScore(stats, orders);
    }

    private List<NgramCounts> ngrams(String segment) {
        List<NgramCounts> all = new ArrayList<>();
        int[] chars = PythonText.codePointsWithoutSpaces(segment);
        for (int n = 1; n <= CHAR_ORDER; n++) {
            all.add(NgramCounts.ofChars(chars, n));
        }
        if (wordOrder > 0) {
            List<String> words = splitPunctuation(segment);
            for (int n = 1; n <= wordOrder; n++) {
                all.add(NgramCounts.ofWords(words, n));
            }
        }
        return all;
    }

    /** sacrebleu's {@code _remove_punctuation}: one punctuation mark off the end, else off the start. */
    private static List<String> splitPunctuation(String segment) {
        List<String> words = new ArrayList<>();
        for (String w : PythonText.split(segment)) {
            if (w.codePointCount(0, w.length()) == 1) {
                words.add(w);
            } else if (PUNCTUATION.indexOf(w.charAt(w.length() - 1)) >= 0) {
                words.add(w.substring(0, w.length() - 1));
                words.add(w.substring(w.length() - 1));
            } else if (PUNCTUATION.indexOf(w.charAt(0)) >= 0) {
                words.add(w.substring(0, 1));
                words.add(w.substring(1));
            } else {
                words.add(w);
            }
        }
        return words;
    }

    /** sacrebleu's {@code CHRF._compute_f_score} without epsilon smoothing. */
    private static double fScore(long[] stats, int orders) {
        double factor = BETA * BETA;
        double avgPrecision = 0;
        double avgRecall = 0;
        int effectiveOrder = 0;
        for (int k = 0; k < orders; k++) {
            long hyp = stats[3 * k];
            long ref = stats[3 * k + 1];
            long match = stats[3 * k + 2];
            if (hyp > 0 && ref > 0) {
                avgPrecision += (double) match / hyp;
                avgRecall += (double) match / ref;
                effectiveOrder++;
            }
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrecision /= effectiveOrder;
        avgRecall /= effectiveOrder;
        if (avgPrecision + avgRecall == 0) {
            return 0.0;
        }
        double score = (1 + factor) * avgPrecision * avgRecall;
        score /= factor * avgPrecision + avgRecall;
        return 100 * score;
    }
}
