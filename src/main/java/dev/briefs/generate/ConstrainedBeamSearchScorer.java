package dev.briefs.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * transformers 4.46.3's {@code ConstrainedBeamSearchScorer} ({@code generation/beam_search.py}), the scorer of
 * constrained beam search ({@code force_words_ids}) for one beam group. Against {@link BeamSearchScorer}:
 *
 * <ul>
 *   <li>an EOS candidate ranked within the first {@code numBeams} becomes a finished hypothesis only when its
 *       sequence fulfils every constraint;
 *   <li>the next beams are chosen by {@link ConstraintBanks} from the plain step's beams and the candidates
 *       that advance the constraints;
 *   <li>at the end, an input's open beams that fulfil the constraints become hypotheses; when none does,
 *       all of them do, so an input whose constraints could not be met (one longer than the room left, say)
 *       still gets its best output, without them.
 * </ul>
 *
 * Each token's score along a path is its processed log-probability, as in the plain search, also for tokens
 * the constraints offered.
 */
final class ConstrainedBeamSearchScorer implements BeamScorer {

    private final int numBeams;
    private final int[] eos;
    private final int pad;
    private final List<Constraint> constraints;
    private final BeamHypotheses[] hyps;
    private final boolean[] done;

    /**
     * @param neverDenominatorLength see {@link BeamHypotheses#BeamHypotheses}
     * @param constraints fresh constraints, copied for every state and never advanced themselves
     * @throws IllegalArgumentException for fewer than two beams, which transformers refuses too
     */
    ConstrainedBeamSearchScorer(
            int batch,
            int numBeams,
            double lengthPenalty,
            GenerationConfig.EarlyStopping earlyStopping,
            double neverDenominatorLength,
            int[] eos,
            int pad,
            List<Constraint> constraints) {
        if (numBeams <= 1) {
            throw new IllegalArgumentException("constrained beam search needs num_beams > 1, is " + numBeams);
        }
        this.numBeams = numBeams;
        this.eos = eos;
        this.pad = pad;
        this.constraints = List.copyOf(constraints);
        this.hyps = new BeamHypotheses[batch];
        this.done = new boolean[batch];
        for (int b = 0; b < batch; b++) {
            hyps[b] = new BeamHypotheses(numBeams, lengthPenalty, earlyStopping, neverDenominatorLength);
        }
    }

    @Override
    public boolean isDone(int input) {
        return done[input];
    }

    @Override
    public boolean allDone() {
        for (boolean d : done) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    @Override
    public BeamSearchScorer.Step process(
            int[][] seqs,
            float[][] paths,
            float[][] candScores,
            float[][] candTokenScores,
            int[][] candTokens,
            int[][] candRows,
            float[][] logProbs,
            float[] beamScores,
            int curLen) {
        int batch = hyps.length;
        int rows = batch * numBeams;
        float[] nextScores = new float[rows];
        int[] nextTokens = new int[rows];
        int[] nextRows = new int[rows];
        float[] nextTokenScores = new float[rows];
        for (int b = 0; b < batch; b++) {
            int first = b * numBeams;
            if (done[b]) {
                // as in BeamSearchScorer: padding on the input's own rows, which are never read again
                for (int k = 0; k < numBeams; k++) {
                    nextTokens[first + k] = pad;
                    nextRows[first + k] = first + k;
                }
                continue;
            }
            ConstraintBanks.Beams plain =
                    plainBeams(seqs, paths, b, candScores[b], candTokenScores[b], candTokens[b], candRows[b], curLen);
            ConstraintBanks.Beams chosen =
                    ConstraintBanks.choose(constraints, seqs, first, plain, logProbs, beamScores);
            System.arraycopy(chosen.scores(), 0, nextScores, first, numBeams);
            System.arraycopy(chosen.tokens(), 0, nextTokens, first, numBeams);
            System.arraycopy(chosen.rows(), 0, nextRows, first, numBeams);
            System.arraycopy(chosen.tokenScores(), 0, nextTokenScores, first, numBeams);
            // next_scores[batch_idx].max(): over the ranked candidates, before the constraints chose
            float max = Float.NEGATIVE_INFINITY;
            for (float s : candScores[b]) {
                max = Math.max(max, s);
            }
            done[b] = hyps[b].isDone(max, curLen);
        }
        return new BeamSearchScorer.Step(nextScores, nextTokens, nextRows, nextTokenScores);
    }

    /**
     * The plain step for one input: candidates in rank order; an EOS ranked within the first {@code numBeams}
     * finishes a hypothesis if its sequence fulfils the constraints, other EOS candidates are skipped, the
     * rest fill the beams.
     */
    private ConstraintBanks.Beams plainBeams(
            int[][] seqs,
            float[][] paths,
            int b,
            float[] score,
            float[] tokenScore,
            int[] token,
            int[] row,
            int curLen) {
        ConstraintBanks.Beams beams = new ConstraintBanks.Beams(
                new float[numBeams], new int[numBeams], new int[numBeams], new float[numBeams]);
        int beamIdx = 0;
        for (int rank = 0; rank < score.length && beamIdx < numBeams; rank++) {
            if (BeamSearchScorer.contains(eos, token[rank])) {
                if (rank < numBeams && ConstraintListState.fulfils(constraints, seqs[row[rank]])) {
                    hyps[b].add(
                            seqs[row[rank]].clone(),
                            BeamSearchScorer.append(paths[row[rank]], tokenScore[rank]),
                            score[rank],
                            curLen,
                            true);
                }
                continue;
            }
            beams.scores()[beamIdx] = score[rank];
            beams.tokens()[beamIdx] = token[rank];
            beams.rows()[beamIdx] = row[rank];
            beams.tokenScores()[beamIdx] = tokenScore[rank];
            beamIdx++;
        }
        if (beamIdx < numBeams) {
            throw new IllegalStateException("At most " + numBeams + " candidates can be EOS");
        }
        return beams;
    }

    /**
     * {@code ConstrainedBeamSearchScorer.finalize} for one returned sequence per input: an input that is not
     * done adds its open beams that fulfil the constraints, or all of them when none does; then each input's
     * best hypothesis, as {@link BeamSearchScorer#finalizeBest}.
     */
    @Override
    public ScoredSequence[] finalizeBest(
            int[][] seqs, float[][] paths, float[] beamScores, int[] generatedLength, int maxLength) {
        ScoredSequence[] out = new ScoredSequence[hyps.length];
        for (int b = 0; b < hyps.length; b++) {
            if (!done[b]) {
                List<Integer> fulfilling = new ArrayList<>();
                for (int k = 0; k < numBeams; k++) {
                    if (ConstraintListState.fulfils(constraints, seqs[b * numBeams + k])) {
                        fulfilling.add(k);
                    }
                }
                for (int k = 0; k < numBeams; k++) {
                    if (fulfilling.isEmpty() || fulfilling.contains(k)) {
                        int r = b * numBeams + k;
                        hyps[b].add(seqs[r], paths[r], beamScores[r], generatedLength[r], false);
                    }
                }
            }
            out[b] = BeamSearchScorer.best(hyps[b], eos, maxLength);
        }
        return out;
    }
}
