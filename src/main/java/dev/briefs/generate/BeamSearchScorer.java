package dev.briefs.generate;

import java.util.Arrays;

/**
 * transformers' {@code BeamSearchScorer} ({@code generation/beam_search.py}) for one beam group: turns
 * each step's ranked candidates into the next beams and finished hypotheses ({@link #process}), and
 * picks each input's best hypothesis at the end ({@link #finalizeBest}). The search loop that feeds
 * it is {@link BeamSearch}.
 */
final class BeamSearchScorer implements BeamScorer {

    /**
     * The next beams, row-major (input * numBeams + beam), as process() returns them, with each new
     * token's own processed log-probability.
     */
    record Step(float[] scores, int[] tokens, int[] sourceRows, float[] tokenScores) {}

    private final int numBeams;
    private final int[] eos;
    private final int pad;
    private final BeamHypotheses[] hyps;
    private final boolean[] done;

    /**
     * @param neverDenominatorLength see {@link BeamHypotheses#BeamHypotheses}
     */
    BeamSearchScorer(
            int batch,
            int numBeams,
            double lengthPenalty,
            GenerationConfig.EarlyStopping earlyStopping,
            double neverDenominatorLength,
            int[] eos,
            int pad) {
        this.numBeams = numBeams;
        this.eos = eos;
        this.pad = pad;
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

    /** {@inheritDoc} The plain scorer needs only the ranked candidates. */
    @Override
    public Step process(
            int[][] seqs,
            float[][] paths,
            float[][] candScores,
            float[][] candTokenScores,
            int[][] candTokens,
            int[][] candRows,
            float[][] logProbs,
            float[] beamScores,
            int curLen) {
        return process(seqs, paths, candScores, candTokenScores, candTokens, candRows, curLen);
    }

    /**
     * One step of {@code BeamSearchScorer.process}: per input, the candidates in rank order (as
     * torch.topk returned them) are visited; an EOS candidate ranked within the first {@code
     * numBeams} becomes a finished hypothesis, other EOS candidates are skipped, the others fill the
     * next beams until there are {@code numBeams}.
     *
     * @param seqs the current sequences, one per row
     * @param paths per row, the processed log-probabilities of its generated tokens so far
     * @param candScores per input, the candidates' scores (running score plus log-probability)
     * @param candTokenScores per input, the candidates' own processed log-probabilities
     * @param candTokens per input, the candidates' tokens
     * @param candRows per input, the candidates' source rows (absolute, input * numBeams + beam);
     *     null for an input that is already done
     * @param curLen the current sequence length, as the hypotheses' generated length and the
     *     done heuristic's length
     */
    Step process(
            int[][] seqs,
            float[][] paths,
            float[][] candScores,
            float[][] candTokenScores,
            int[][] candTokens,
            int[][] candRows,
            int curLen) {
        int batch = hyps.length;
        int rows = batch * numBeams;
        float[] nextScores = new float[rows];
        int[] nextTokens = new int[rows];
        int[] nextRows = new int[rows];
        float[] nextTokenScores = new float[rows];
        for (int b = 0; b < batch; b++) {
            if (done[b]) {
                // transformers points these rows at row 0; they are never read again, so keep them
                // on their own rows and spare the cache a cross-input reorder
                for (int k = 0; k < numBeams; k++) {
                    nextScores[b * numBeams + k] = 0f;
                    nextTokens[b * numBeams + k] = pad;
                    nextRows[b * numBeams + k] = b * numBeams + k;
                }
                continue;
            }
            float[] score = candScores[b];
            int beamIdx = 0;
            for (int rank = 0; rank < score.length; rank++) {
                int srcRow = candRows[b][rank];
                int token = candTokens[b][rank];
                if (contains(eos, token)) {
                    if (rank >= numBeams) {
                        continue;
                    }
                    hyps[b].add(
                            seqs[srcRow].clone(),
                            append(paths[srcRow], candTokenScores[b][rank]),
                            score[rank],
                            curLen,
                            true);
                } else {
                    nextScores[b * numBeams + beamIdx] = score[rank];
                    nextTokens[b * numBeams + beamIdx] = token;
                    nextRows[b * numBeams + beamIdx] = srcRow;
                    nextTokenScores[b * numBeams + beamIdx] = candTokenScores[b][rank];
                    beamIdx++;
                }
                if (beamIdx == numBeams) {
                    break;
                }
            }
            if (beamIdx < numBeams) {
                throw new IllegalStateException("At most " + numBeams + " candidates can be EOS");
            }
            // next_scores[batch_idx].max(): over all kept candidates, not only the chosen ones
            float max = Float.NEGATIVE_INFINITY;
            for (float s : score) {
                max = Math.max(max, s);
            }
            done[b] = hyps[b].isDone(max, curLen);
        }
        return new Step(nextScores, nextTokens, nextRows, nextTokenScores);
    }

    /**
     * {@code BeamSearchScorer.finalize} for one returned sequence per input: the open beams of
     * inputs that are not done become hypotheses, then each input's best is returned, with the
     * first EOS appended when it ended with one and there is room below {@code maxLength}, and the
     * processed log-probabilities of its generated tokens along its path.
     *
     * @param paths per row, the processed log-probabilities of its generated tokens
     * @param generatedLength per row, the length the row's hypothesis counts
     */
    @Override
    public ScoredSequence[] finalizeBest(
            int[][] seqs, float[][] paths, float[] beamScores, int[] generatedLength, int maxLength) {
        ScoredSequence[] out = new ScoredSequence[hyps.length];
        for (int b = 0; b < hyps.length; b++) {
            if (!done[b]) {
                for (int k = 0; k < numBeams; k++) {
                    int r = b * numBeams + k;
                    hyps[b].add(seqs[r], paths[r], beamScores[r], generatedLength[r], false);
                }
            }
            out[b] = best(hyps[b], eos, maxLength);
        }
        return out;
    }

    /**
     * An input's best hypothesis as {@code finalize} returns it: with the first EOS appended when it ended with
     * one and there is room below {@code maxLength}, and the processed log-probabilities along its path.
     */
    static ScoredSequence best(BeamHypotheses hyps, int[] eos, int maxLength) {
        BeamHypotheses.Hypothesis h = hyps.best();
        int[] t = h.tokens();
        if (h.endsWithEos() && t.length < maxLength && eos.length > 0) {
            t = Arrays.copyOf(t, t.length + 1);
            t[t.length - 1] = eos[0];
        }
        float[] scores = h.tokenScores();
        if (scores == null) {
            throw new IllegalStateException("a hypothesis without its token scores");
        }
        // the EOS's score is on the path already; a hypothesis that had no room for it drops it
        return new ScoredSequence(t, Arrays.copyOf(scores, t.length - 1));
    }

    static float[] append(float[] path, float score) {
        float[] p = Arrays.copyOf(path, path.length + 1);
        p[path.length] = score;
        return p;
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
