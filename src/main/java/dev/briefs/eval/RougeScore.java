package dev.briefs.eval;

import java.util.List;

/**
 * ROUGE over a list of segments: each line's F-measure (with its precision and recall) and their mean.
 *
 * @param mean      the mean F-measure over the lines, 0 to 1 as rouge-score reports it
 * @param fmeasures each line's F-measure, in line order
 */
public record RougeScore(double mean, List<Double> fmeasures, List<Double> precisions, List<Double> recalls) {}
