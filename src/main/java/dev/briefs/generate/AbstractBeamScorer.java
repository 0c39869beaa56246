package dev.briefs.generate;

import java.util.Arrays;

/**
 * What transformers' {@code BeamSearchScorer} and {@code ConstrainedBeamSearchScorer} ({@code
 * generation/beam_search.py}) share, which transformers writes out twice: per input, its finished hypotheses
 * and whether it is done; the step that visits each input's ranked candidates ({@link #process}); and the end
 * that turns open beams into hypotheses and picks each input's best ({@link #finalizeBest}). A subclass says
 * which sequences may finish ({@link #fulfils}) and how an input's next beams are chosen from the plain ones
 * ({@link #choose}).
 */
abstract class AbstractBeamScorer implements BeamScorer {

    /** The beams of one input, {@code numBeams} of each, in the order they become the next beams. */
    record Beams(float[] scores, int[] tokens, int[] rows, float[] tokenScores) {}

    private final int numBeams;
    private final int[] eos;
    private final int pad;
    private final BeamHypotheses[] hyps;
    private final boolean[] done;

    AbstractBeamScorer(int batch, Settings settings) {
        this.numBeams = settings.numBeams();
        this.eos = settings.eos();
        this.pad = settings.pad();
        this.hyps = new BeamHypotheses[batch];
        this.done = new boolean[batch];
        for (int b = 0; b < batch; b++) {
            hyps[b] = new BeamHypotheses(
                    numBeams, settings.lengthPenalty(), settings.earlyStopping(), settings.neverDenominatorLength());
        }
    }

    /**
     * Whether a sequence may become a finished hypothesis: an EOS candidate's sequence at each step, and at the
     * end an input's open beams (of which all are taken when none fulfils).
     */
    abstract boolean fulfils(int[] seq);

    /**
     * An input's next beams, given the plain step's ({@code plain}, from its ranked candidates).
     *
     * @param firstRow the input's first row ({@code input * numBeams})
     */
    abstract Beams choose(int[][] seqs, int firstRow, Beams plain, float[][] logProbs, float[] beamScores);

    @Override
    public final boolean isDone(int input) {
        return done[input];
    }

    @Override
    public final boolean allDone() {
        for (boolean d : done) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    /**
     * One step of {@code process}: per input, the plain beams from its ranked candidates ({@link #plainBeams}),
     * then the next beams the subclass {@link #choose chooses} from them. An input is done, as transformers
     * decides it, from the best score among all its ranked candidates, not only the chosen ones.
     */
    @Override
    public final Step process(
            int[][] seqs, float[][] paths, Candidates ranked, float[][] logProbs, float[] beamScores, int curLen) {
        int batch = hyps.length;
        int rows = batch * numBeams;
        float[] nextScores = new float[rows];
        int[] nextTokens = new int[rows];
        int[] nextRows = new int[rows];
        float[] nextTokenScores = new float[rows];
        for (int b = 0; b < batch; b++) {
            int first = b * numBeams;
            if (done[b]) {
                // transformers points these rows at row 0 with score 0; they are never read again, so keep
                // them on their own rows and spare the cache a cross-input reorder
                for (int k = 0; k < numBeams; k++) {
                    nextTokens[first + k] = pad;
                    nextRows[first + k] = first + k;
                }
                continue;
            }
            Beams plain = plainBeams(seqs, paths, b, ranked, curLen);
            Beams chosen = choose(seqs, first, plain, logProbs, beamScores);
            System.arraycopy(chosen.scores(), 0, nextScores, first, numBeams);
            System.arraycopy(chosen.tokens(), 0, nextTokens, first, numBeams);
            System.arraycopy(chosen.rows(), 0, nextRows, first, numBeams);
            System.arraycopy(chosen.tokenScores(), 0, nextTokenScores, first, numBeams);
            // next_scores[batch_idx].max(): over all ranked candidates
            float max = Float.NEGATIVE_INFINITY;
            for (float s : ranked.scores()[b]) {
                max = Math.max(max, s);
            }
            done[b] = hyps[b].isDone(max, curLen);
        }
        return new Step(nextScores, nextTokens, nextRows, nextTokenScores);
    }

    /**
     * The plain step for input {@code b}: its candidates in rank order (as torch.topk returned them); an EOS
     * candidate ranked within the first {@code numBeams} becomes a finished hypothesis if its sequence {@link
     * #fulfils fulfils} what the search asks, other EOS candidates are skipped, the others fill the beams until
     * there are {@code numBeams}.
     */
    private Beams plainBeams(int[][] seqs, float[][] paths, int b, Candidates ranked, int curLen) {
        float[] score = ranked.scores()[b];
        float[] tokenScore = ranked.tokenScores()[b];
        int[] token = ranked.tokens()[b];
        int[] row = ranked.rows()[b];
        Beams beams = new Beams(new float[numBeams], new int[numBeams], new int[numBeams], new float[numBeams]);
        int beamIdx = 0;
        for (int rank = 0; rank < score.length && beamIdx < numBeams; rank++) {
            if (contains(eos, token[rank])) {
                if (rank < numBeams && fulfils(seqs[row[rank]])) {
                    hyps[b].add(
                            seqs[row[rank]].clone(),
                            append(paths[row[rank]], tokenScore[rank]),
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
     * {@code finalize} for one returned sequence per input: an input that is not done adds its open beams that
     * {@link #fulfils fulfil} what the search asks, or all of them when none does; then each input's best
     * hypothesis, with the first EOS appended when it ended with one and there is room below {@code
     * maxLength}, and the processed log-probabilities of its generated tokens along its path.
     *
     * @param paths per row, the processed log-probabilities of its generated tokens
     * @param generatedLength per row, the length the row's hypothesis counts
     */
    @Override
    public final ScoredSequence[] finalizeBest(
            int[][] seqs, float[][] paths, float[] beamScores, int[] generatedLength, int maxLength) {
        ScoredSequence[] out = new ScoredSequence[hyps.length];
        for (int b = 0; b < hyps.length; b++) {
            if (!done[b]) {
                int first = b * numBeams;
                boolean[] fulfilling = new boolean[numBeams];
                boolean any = false;
                for (int k = 0; k < numBeams; k++) {
                    fulfilling[k] = fulfils(seqs[first + k]);
                    any |= fulfilling[k];
                }
                for (int k = 0; k < numBeams; k++) {
                    if (!any || fulfilling[k]) {
                        int r = first + k;
                        hyps[b].add(seqs[r], paths[r], beamScores[r], generatedLength[r], false);
                    }
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
    private static ScoredSequence best(BeamHypotheses hyps, int[] eos, int maxLength) {
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

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
