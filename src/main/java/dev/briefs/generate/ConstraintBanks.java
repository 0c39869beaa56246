package dev.briefs.generate;

import dev.briefs.generate.AbstractBeamScorer.Beams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The constrained part of one input's step, transformers 4.46.3's {@code
 * ConstrainedBeamSearchScorer.step_sentence_constraint}: the plain step's next beams are joined by
 * candidates that advance the constraints (for each current beam not yet done with them, each token its
 * constraint state offers, unless that sequence is a candidate already), every candidate is given the bank
 * of its sequence ({@link ConstraintListState#bank()}), and the beams are chosen round-robin over the banks:
 * the best candidate of each bank, highest bank first, then each bank's second, and so on.
 *
 * <p>The order is transformers' to the bit: candidates are sorted by {@code bank * 100 + score}, computed in
 * float32 as torch computes it (so a very low score can sink below a lower bank), with {@code
 * torch.sort(descending=True)}'s order of ties ({@link TorchTopK#sortDescending}); ranks within a run of
 * equal banks are counted along that order, and the stable (merge) sort by rank picks the beams.
 */
final class ConstraintBanks {

    private record Candidate(int row, int token, float score, float tokenScore, ConstraintListState state) {}

    private ConstraintBanks() {}

    /**
     * @param constraints the search's constraints (fresh; copied, never advanced)
     * @param seqs every row's sequence before this step
     * @param firstRow the input's first row ({@code input * numBeams})
     * @param plain the plain step's next beams of this input, in its order
     * @param logProbs per row, this step's processed log-probabilities
     * @param beamScores per row, the running score before this step
     */
    static Beams choose(
            List<Constraint> constraints,
            int[][] seqs,
            int firstRow,
            Beams plain,
            float[][] logProbs,
            float[] beamScores) {
        int numBeams = plain.tokens().length;
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < numBeams; i++) {
            ConstraintListState s = new ConstraintListState(constraints);
            s.reset(append(seqs[plain.rows()[i]], plain.tokens()[i]));
            candidates.add(
                    new Candidate(plain.rows()[i], plain.tokens()[i], plain.scores()[i], plain.tokenScores()[i], s));
        }
        boolean offered = false;
        for (int row = firstRow; row < firstRow + numBeams; row++) {
            ConstraintListState before = new ConstraintListState(constraints);
            before.reset(seqs[row]);
            if (before.completed()) {
                continue;
            }
            for (int token : before.advance()) {
                ConstraintListState after = before.copy(true);
                after.add(token);
                if (isCandidate(candidates, seqs, row, token)) {
                    continue;
                }
                float tokenScore = logProbs[row][token];
                // scores_for_all_vocab: the processed log-probability plus the running score, in float32
                candidates.add(new Candidate(row, token, tokenScore + beamScores[row], tokenScore, after));
                offered = true;
            }
        }
        if (!offered) {
            return plain;
        }
        // Banks are read after every candidate is made: a stateful copy shares a disjunctive constraint's
        // progress with its original (DisjunctiveConstraint), so a later offer can still move an earlier one's.
        int n = candidates.size();
        int[] banks = new int[n];
        float[] keys = new float[n];
        for (int i = 0; i < n; i++) {
            banks[i] = candidates.get(i).state().bank();
            keys[i] = (float) (banks[i] * 100) + candidates.get(i).score();
        }
        int[] sorted = TorchTopK.sortDescending(keys);
        int[] rank = new int[n];
        int counter = -1;
        int bank = banks[sorted[0]];
        for (int k = 0; k < n; k++) {
            if (banks[sorted[k]] == bank) {
                counter++;
            } else {
                counter = 0;
                bank = banks[sorted[k]];
            }
            rank[k] = counter;
        }
        // np.argsort(kind="mergesort") is stable, as List.sort is
        List<Integer> byRank = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        byRank.sort(Comparator.comparingInt(k -> rank[k]));
        Beams chosen = new Beams(new float[numBeams], new int[numBeams], new int[numBeams], new float[numBeams]);
        for (int j = 0; j < numBeams; j++) {
            Candidate c = candidates.get(sorted[byRank.get(j)]);
            chosen.scores()[j] = c.score();
            chosen.tokens()[j] = c.token();
            chosen.rows()[j] = c.row();
            chosen.tokenScores()[j] = c.tokenScore();
        }
        return chosen;
    }

    /** Whether the row's sequence followed by the token is already a candidate's. */
    private static boolean isCandidate(List<Candidate> candidates, int[][] seqs, int row, int token) {
        for (Candidate c : candidates) {
            if (c.token() == token && Arrays.equals(seqs[c.row()], seqs[row])) {
                return true;
            }
        }
        return false;
    }

    static int[] append(int[] seq, int token) {
        int[] s = Arrays.copyOf(seq, seq.length + 1);
        s[seq.length] = token;
        return s;
    }
}
