package dev.briefs.generate;

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
 * the constraints offered. The step and the end they share are {@link AbstractBeamScorer}'s.
 */
final class ConstrainedBeamSearchScorer extends AbstractBeamScorer {

    private final List<Constraint> constraints;

    /**
     * @param constraints fresh constraints, copied for every state and never advanced themselves
     * @throws IllegalArgumentException for fewer than two beams, which transformers refuses too
     */
    ConstrainedBeamSearchScorer(int batch, Settings settings, List<Constraint> constraints) {
        super(batch, atLeastTwoBeams(settings));
        this.constraints = List.copyOf(constraints);
    }

    private static Settings atLeastTwoBeams(Settings settings) {
        if (settings.numBeams() <= 1) {
            throw new IllegalArgumentException(
                    "constrained beam search needs num_beams > 1, is " + settings.numBeams());
        }
        return settings;
    }

    /** {@inheritDoc} Here: the sequence holds every constraint. */
    @Override
    boolean fulfils(int[] seq) {
        return ConstraintListState.fulfils(constraints, seq);
    }

    /** {@inheritDoc} Here: round-robin over the constraint banks ({@link ConstraintBanks#choose}). */
    @Override
    Beams choose(int[][] seqs, int firstRow, Beams plain, float[][] logProbs, float[] beamScores) {
        return ConstraintBanks.choose(constraints, seqs, firstRow, plain, logProbs, beamScores);
    }
}
