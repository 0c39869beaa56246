package dev.briefs.generate;

/**
 * What the beam search loop ({@link BeamSearch}) asks of a scorer at each step and at the end: transformers'
 * {@code BeamScorer}, plain ({@link BeamSearchScorer}) or constrained ({@link ConstrainedBeamSearchScorer}).
 */
interface BeamScorer {

    /** Whether the input needs no more steps. */
    boolean isDone(int input);

    /** Whether every input is done. */
    boolean allDone();

    /**
     * One step: the next beams from the ranked candidates (see {@link BeamSearchScorer#process}).
     *
     * @param logProbs per row, this step's processed log-probabilities over the vocabulary (a constrained
     *     scorer offers tokens the candidates lack)
     * @param beamScores per row, the running scores before this step
     */
    BeamSearchScorer.Step process(
            int[][] seqs,
            float[][] paths,
            float[][] candScores,
            float[][] candTokenScores,
            int[][] candTokens,
            int[][] candRows,
            float[][] logProbs,
            float[] beamScores,
            int curLen);

    /** Each input's best hypothesis (see {@link BeamSearchScorer#finalizeBest}). */
    ScoredSequence[] finalizeBest(
            int[][] seqs, float[][] paths, float[] beamScores, int[] generatedLength, int maxLength);
}
