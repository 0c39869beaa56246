package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scorer's step and finalize, as transformers' BeamSearchScorer.process / finalize. */
class BeamSearchScorerTest {

    private static final int EOS = 0;
    private static final int PAD = 1;

    private static BeamSearchScorer scorer(int batch, GenerationConfig.EarlyStopping es) {
        return new BeamSearchScorer(batch, new BeamScorer.Settings(2, 1.0, es, 10, new int[] {EOS}, PAD));
    }

    /**
     * A step from the ranked candidates alone: the plain scorer reads neither the vocabulary's
     * log-probabilities nor the running scores (a constrained one offers tokens from them).
     */
    private static BeamScorer.Step step(
            BeamSearchScorer s, int[][] seqs, float[][] paths, BeamScorer.Candidates ranked, int curLen) {
        return s.process(seqs, paths, ranked, new float[0][], new float[0], curLen);
    }

    @Test
    void eosWithinTheFirstNumBeamsFinishesAHypothesisAndLaterOnesAreSkipped() {
        BeamSearchScorer s = scorer(1, GenerationConfig.EarlyStopping.FALSE);
        int[][] seqs = {{1, 7}, {1, 8}};
        // the rows' running scores are -0.5 and -0.25, their paths' sums
        float[][] paths = {{-0.5f}, {-0.25f}};
        // ranks: eos from row 1 (kept as hypothesis), 5 from row 0, eos from row 0 (rank 2: skipped), 6 from row 1
        BeamScorer.Step step = step(
                s,
                seqs,
                paths,
                new BeamScorer.Candidates(
                        new float[][] {{-1f, -2f, -3f, -4f}},
                        new float[][] {{-0.75f, -1.5f, -2.5f, -3.75f}},
                        new int[][] {{EOS, 5, EOS, 6}},
                        new int[][] {{1, 0, 0, 1}}),
                2);
        assertThat(step.tokens()).containsExactly(5, 6);
        assertThat(step.sourceRows()).containsExactly(0, 1);
        assertThat(step.scores()).containsExactly(-2f, -4f);
        assertThat(step.tokenScores())
                .as("each new token's own log-probability")
                .containsExactly(-1.5f, -3.75f);
        assertThat(s.isDone(0)).isFalse();
        // finalize: the finished (1, 8) scores -1/2; the open beams are worse
        ScoredSequence[] best = s.finalizeBest(
                new int[][] {{1, 7, 5}, {1, 8, 6}},
                new float[][] {{-0.5f, -1.5f}, {-0.25f, -3.75f}},
                new float[] {-2f, -4f},
                new int[] {2, 2},
                10);
        assertThat(best[0].tokens()).containsExactly(1, 8, EOS);
        assertThat(best[0].tokenScores())
                .as("the finished hypothesis's path, its EOS included")
                .containsExactly(-0.25f, -0.75f);
        assertThat(best[0].meanLogProb())
                .as("the beam's sum over its generated length")
                .isEqualTo(-0.5);
    }

    @Test
    void anOpenBeamThatWinsKeepsItsPath() {
        BeamSearchScorer s = scorer(1, GenerationConfig.EarlyStopping.FALSE);
        ScoredSequence[] best = s.finalizeBest(
                new int[][] {{1, 7, 5}, {1, 8, 6}},
                new float[][] {{-0.5f, -1.5f}, {-0.25f, -3.75f}},
                new float[] {-2f, -4f},
                new int[] {2, 2},
                10);
        assertThat(best[0].tokens()).containsExactly(1, 7, 5);
        assertThat(best[0].tokenScores()).containsExactly(-0.5f, -1.5f);
        assertThat(best[0].meanLogProb()).isEqualTo(-1.0);
    }

    @Test
    void aDoneInputKeepsItsRowsAndGetsPadding() {
        BeamSearchScorer s = scorer(2, GenerationConfig.EarlyStopping.TRUE);
        int[][] seqs = {{1}, {1}, {1}, {1}};
        // input 0: two eos in the first two ranks -> two hypotheses -> done (early_stopping true)
        float[][] empty = {{}, {}, {}, {}};
        step(
                s,
                seqs,
                empty,
                new BeamScorer.Candidates(
                        new float[][] {{-1f, -1.5f, -2f, -3f}, {-1f, -2f, -3f, -4f}},
                        new float[][] {{-1f, -1.5f, -2f, -3f}, {-1f, -2f, -3f, -4f}},
                        new int[][] {{EOS, EOS, 4, 5}, {2, 3, 4, 5}},
                        new int[][] {{0, 1, 0, 1}, {2, 3, 2, 3}}),
                1);
        assertThat(s.isDone(0)).isTrue();
        assertThat(s.isDone(1)).isFalse();
        assertThat(s.allDone()).isFalse();
        BeamScorer.Step next = step(
                s,
                new int[][] {{1, 4}, {1, 5}, {1, 2}, {1, 3}},
                new float[][] {{-2f}, {-3f}, {-1f}, {-2f}},
                new BeamScorer.Candidates(
                        new float[][] {null, {-1f, -2f, -3f, -4f}},
                        new float[][] {null, {0f, -1f, -2f, -3f}},
                        new int[][] {null, {6, 7, 8, 9}},
                        new int[][] {null, {3, 2, 3, 2}}),
                2);
        assertThat(next.tokens()).containsExactly(PAD, PAD, 6, 7);
        assertThat(next.sourceRows()).containsExactly(0, 1, 3, 2);
        assertThat(next.scores()[0]).isZero();
    }

    @Test
    void moreEosCandidatesThanTheListCanHoldIsAnError() {
        BeamSearchScorer s = scorer(1, GenerationConfig.EarlyStopping.FALSE);
        assertThatThrownBy(() -> step(
                        s,
                        new int[][] {{1}, {1}},
                        new float[][] {{}, {}},
                        new BeamScorer.Candidates(
                                new float[][] {{-1f, -2f}},
                                new float[][] {{-1f, -2f}},
                                new int[][] {{EOS, EOS}},
                                new int[][] {{0, 1}}),
                        1))
                .isInstanceOf(IllegalStateException.class);
    }
}
