package dev.briefs.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The n-best list of finished hypotheses of one input, as transformers' {@code BeamHypotheses}.
 *
 * <p>Scores are {@code sum_logprobs / generated_len ** length_penalty} in double precision; the
 * caller passes {@code generated_len} (its definition depends on the transformers version, see
 * {@link BeamSearch.LengthConvention}).
 */
public final class BeamHypotheses {

    /**
     * A finished hypothesis: tokens (decoder start token first, EOS not included), score, and the
     * processed log-probability of each generated token along its path, the EOS's included (null
     * when the caller did not keep them).
     */
    public record Hypothesis(double score, int[] tokens, boolean endsWithEos, float @Nullable [] tokenScores) {}

    private final int numBeams;
    private final double lengthPenalty;
    private final GenerationConfig.EarlyStopping earlyStopping;
    private final double neverDenominatorLength;
    private final List<Hypothesis> beams = new ArrayList<>();
    private double worstScore = 1e9;

    /**
     * @param neverDenominatorLength the length used with {@code early_stopping="never"} and a
     *     positive length penalty ({@code max_length}, or {@code max_length - decoder_prompt_len}
     *     in transformers >= 4.36)
     */
    public BeamHypotheses(
            int numBeams,
            double lengthPenalty,
            GenerationConfig.EarlyStopping earlyStopping,
            double neverDenominatorLength) {
        this.numBeams = numBeams;
        this.lengthPenalty = lengthPenalty;
        this.earlyStopping = earlyStopping;
        this.neverDenominatorLength = neverDenominatorLength;
    }

    public int size() {
        return beams.size();
    }

    public double worstScore() {
        return worstScore;
    }

    public List<Hypothesis> beams() {
        return Collections.unmodifiableList(beams);
    }

    /** Adds a hypothesis if the list has room or it beats the worst one (which is then dropped). */
    public void add(int[] tokens, double sumLogprobs, int generatedLen, boolean endsWithEos) {
        add(tokens, null, sumLogprobs, generatedLen, endsWithEos);
    }

    /**
     * {@link #add(int[], double, int, boolean)}, keeping the scores of the hypothesis's tokens.
     *
     * @param tokenScores per generated token, its processed log-probability (the EOS's included)
     */
    public void add(
            int[] tokens, float @Nullable [] tokenScores, double sumLogprobs, int generatedLen, boolean endsWithEos) {
        double score = sumLogprobs / Math.pow(generatedLen, lengthPenalty);
        if (beams.size() < numBeams || score > worstScore) {
            beams.add(new Hypothesis(score, tokens, endsWithEos, tokenScores));
            if (beams.size() > numBeams) {
                // sorted((score, idx)): the lowest score, and among equal scores the lowest index, goes
                int worst = 0;
                for (int i = 1; i < beams.size(); i++) {
                    if (beams.get(i).score() < beams.get(worst).score()) {
                        worst = i;
                    }
                }
                beams.remove(worst);
                double second = Double.POSITIVE_INFINITY;
                for (Hypothesis h : beams) {
                    second = Math.min(second, h.score());
                }
                worstScore = second;
            } else {
                worstScore = Math.min(score, worstScore);
            }
        }
    }

    /**
     * Whether no open beam can beat the worst kept hypothesis.
     *
     * @param bestSumLogprobs best running (summed log-prob) score among this step's candidates
     * @param curLen the length used by the {@code early_stopping=False} heuristic
     */
    public boolean isDone(double bestSumLogprobs, int curLen) {
        if (beams.size() < numBeams) {
            return false;
        }
        return switch (earlyStopping) {
            case TRUE -> true;
            case FALSE -> worstScore >= bestSumLogprobs / Math.pow(curLen, lengthPenalty);
            default -> {
                double highest = lengthPenalty > 0.0
                        ? bestSumLogprobs / Math.pow(neverDenominatorLength, lengthPenalty)
                        : bestSumLogprobs / Math.pow(curLen, lengthPenalty);
                yield worstScore >= highest;
            }
        };
    }

    /**
     * The best hypothesis: python's {@code sorted(beams, key=score).pop()}, so among equal scores
     * the one added last.
     */
    public Hypothesis best() {
        if (beams.isEmpty()) {
            throw new IllegalStateException("no hypotheses");
        }
        List<Hypothesis> sorted = new ArrayList<>(beams);
        sorted.sort(Comparator.comparingDouble(Hypothesis::score)); // stable
        return sorted.get(sorted.size() - 1);
    }
}
