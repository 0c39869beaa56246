package dev.briefs.generate;

/**
 * transformers' {@code BeamSearchScorer} ({@code generation/beam_search.py}) for one beam group: turns each
 * step's ranked candidates into the next beams and finished hypotheses, and picks each input's best hypothesis
 * at the end (both in {@link AbstractBeamScorer}). Every EOS candidate ranked within the first {@code numBeams}
 * finishes a hypothesis and the next beams are the plain step's. The search loop that feeds it is {@link
 * BeamSearch}.
 */
final class BeamSearchScorer extends AbstractBeamScorer {

    BeamSearchScorer(int batch, Settings settings) {
        super(batch, settings);
    }

    /** {@inheritDoc} The plain search asks nothing of a finished sequence. */
    @Override
    boolean fulfils(int[] seq) {
        return true;
    }

    /** {@inheritDoc} The plain search keeps the plain step's beams. */
    @Override
    Beams choose(int[][] seqs, int firstRow, Beams plain, float[][] logProbs, float[] beamScores) {
        return plain;
    }
}
