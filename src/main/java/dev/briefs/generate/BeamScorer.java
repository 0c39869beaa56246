package dev.briefs.generate;

/**
 * What the beam search loop ({@link BeamSearch}) asks of a scorer at each step and at the end: transformers'
 * {@code BeamScorer}, plain ({@link BeamSearchScorer}) or constrained ({@link ConstrainedBeamSearchScorer}),
 * both built on {@link AbstractBeamScorer}.
 */
interface BeamScorer {

    /**
     * The search's settings a scorer keeps: beams per input, its hypotheses' length penalty and stopping rule
     * (with {@code neverDenominatorLength}, see {@link BeamHypotheses#BeamHypotheses}), the EOS tokens and the
     * padding token of a done input's rows.
     */
    record Settings(
            int numBeams,
            double lengthPenalty,
            GenerationConfig.EarlyStopping earlyStopping,
            double neverDenominatorLength,
            int[] eos,
            int pad) {}

    /**
     * Per input, the step's candidates in the order torch.topk ranked them: their scores (running score plus
     * log-probability), their own processed log-probabilities, their tokens and their source rows (absolute,
     * input * numBeams + beam); null for an input that is already done.
     */
    record Candidates(float[][] scores, float[][] tokenScores, int[][] tokens, int[][] rows) {}

    /**
     * The next beams, row-major (input * numBeams + beam), as process() returns them, with each new
     * token's own processed log-probability.
     */
    record Step(float[] scores, int[] tokens, int[] sourceRows, float[] tokenScores) {}

    /** Whether the input needs no more steps. */
    boolean isDone(int input);

    /** Whether every input is done. */
    boolean allDone();

    /**
     * One step: the next beams from the ranked candidates (see {@link AbstractBeamScorer#process}).
     *
     * @param seqs the current sequences, one per row
     * @param paths per row, the processed log-probabilities of its generated tokens so far
     * @param logProbs per row, this step's processed log-probabilities over the vocabulary (a constrained
     *     scorer offers tokens the candidates lack)
     * @param beamScores per row, the running scores before this step
     * @param curLen the current sequence length, as the hypotheses' generated length and the done
     *     heuristic's length
     */
    Step process(int[][] seqs, float[][] paths, Candidates ranked, float[][] logProbs, float[] beamScores, int curLen);

    /** Each input's best hypothesis (see {@link AbstractBeamScorer#finalizeBest}). */
    ScoredSequence[] finalizeBest(
            int[][] seqs, float[][] paths, float[] beamScores, int[] generatedLength, int maxLength);
}
