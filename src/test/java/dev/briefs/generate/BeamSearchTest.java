package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Beam hypotheses and the search loop against hand-computed expectations. */
class BeamSearchTest {

    @Test
    void hypothesesKeepTheBestNAndTrackTheWorst() {
        var h = new BeamHypotheses(2, 1.0, GenerationConfig.EarlyStopping.FALSE, 10);
        h.add(new int[] {0, 5}, -4.0, 2, true); // score -2
        assertThat(h.worstScore()).isEqualTo(-2.0);
        h.add(new int[] {0, 6, 7}, -3.0, 3, true); // -1
        assertThat(h.worstScore()).isEqualTo(-2.0);
        h.add(new int[] {0, 8, 8, 8}, -12.0, 4, true); // -3: worse than worst, rejected
        assertThat(h.size()).isEqualTo(2);
        h.add(new int[] {0, 9}, -1.0, 2, true); // -0.5: evicts -2
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.worstScore()).isEqualTo(-1.0);
        assertThat(h.best().tokens()).containsExactly(0, 9);
    }

    @Test
    void lengthPenaltyDividesByLengthToThePower() {
        var h = new BeamHypotheses(1, 2.0, GenerationConfig.EarlyStopping.FALSE, 10);
        h.add(new int[] {0, 1, 2}, -9.0, 3, true);
        assertThat(h.best().score()).isEqualTo(-1.0);
    }

    @Test
    void bestAmongEqualScoresIsTheLastAdded() {
        var h = new BeamHypotheses(3, 1.0, GenerationConfig.EarlyStopping.FALSE, 10);
        h.add(new int[] {0, 1}, -2.0, 2, true);
        h.add(new int[] {0, 2}, -2.0, 2, true);
        assertThat(h.best().tokens()).containsExactly(0, 2);
    }

    @Test
    void isDoneHeuristics() {
        var f = new BeamHypotheses(1, 1.0, GenerationConfig.EarlyStopping.FALSE, 10);
        assertThat(f.isDone(-1.0, 3)).isFalse(); // not enough hypotheses
        f.add(new int[] {0, 1}, -2.0, 2, true); // -1
        assertThat(f.isDone(-2.0, 3)).isFalse(); // -2/3 > -1
        assertThat(f.isDone(-3.0, 3)).isTrue(); // -1 >= -1
        var t = new BeamHypotheses(1, 1.0, GenerationConfig.EarlyStopping.TRUE, 10);
        t.add(new int[] {0, 1}, -2.0, 2, true);
        assertThat(t.isDone(0.0, 3)).isTrue();
        var n = new BeamHypotheses(1, 1.0, GenerationConfig.EarlyStopping.NEVER, 9);
        n.add(new int[] {0, 1}, -2.0, 2, true); // -1
        assertThat(n.isDone(-8.0, 3)).isFalse(); // -8/9 > -1
        assertThat(n.isDone(-9.0, 3)).isTrue();
    }

    @Test
    void topKOrdersAsTorchTopKOverTheFlattenedBeams() {
        float[][] s = {{1f, 5f, 3f}, {5f, 0f, 4f}};
        assertThat(BeamSearch.topK(s, new float[] {0f, 0f}, 0, 2, 3, 4)).containsExactly(1, 3, 5, 2);
    }

    @Test
    void topKRanksByLogProbabilityPlusTheBeamsRunningScore() {
        float[][] s = {{1f, 5f, 3f}, {5f, 0f, 4f}};
        // beam 1 is 2 behind: its 5 and 4 become 3 and 2. Beam 0's 3 (index 2) ties with beam 1's
        // first (index 3); torch.topk (nth_element, then sort) puts index 3 first
        assertThat(BeamSearch.topK(s, new float[] {0f, -2f}, 0, 2, 3, 4)).containsExactly(1, 3, 2, 5);
    }

    @Test
    void logSoftmax() {
        float[] r = {0f, (float) Math.log(3)};
        TorchLogSoftmax.inPlace(r);
        assertThat(r[0]).isCloseTo((float) Math.log(0.25), Offset.offset(1e-6f));
        assertThat(r[1]).isCloseTo((float) Math.log(0.75), Offset.offset(1e-6f));
    }

    /**
     * A fake model whose next-token distribution depends only on the last token, to check the
     * search loop (vocab: 0 = eos, 1 = pad/start, 2..4 words).
     */
    static final class TableModel implements Seq2SeqModel {
        final float[][] table;
        final List<int[]> reorders = new ArrayList<>();

        TableModel(float[][] table) {
            this.table = table;
        }

        @Override
        public DecoderSession startDecoding(long[][] inputIds, long[][] attentionMask, int expand) {
            return new DecoderSession() {
                @Override
                public float[][] step(int[] tokens) {
                    float[][] out = new float[tokens.length][];
                    for (int i = 0; i < tokens.length; i++) {
                        out[i] = table[tokens[i]].clone();
                    }
                    return out;
                }

                @Override
                public void reorder(int[] sourceRows) {
                    reorders.add(sourceRows.clone());
                }

                @Override
                public void close() {}
            };
        }
    }

    static float ln(double p) {
        return (float) Math.log(p);
    }

    @Test
    void greedyAndBeamDiffer() {
        // after start(1): 2 p=.5, 3 p=.4, eos .1 ; after 2: eos .3, 4 .35, 3 .35 ; after 3: eos .9 ; after 4: eos 1
        float n = -1e4f;
        float[][] t = {
            {0, n, n, n, n},
            {ln(.1), n, ln(.5), ln(.4), n},
            {ln(.3), n, n, ln(.35), ln(.35)},
            {ln(.9), n, ln(.05), n, ln(.05)},
            {0, n, n, n, n},
        };
        GenerationConfig c = new GenerationConfig()
                .setEosTokenId(0)
                .setPadTokenId(1)
                .setDecoderStartTokenId(1)
                .setMaxLength(6);
        long[][] ids = {{5, 0}};
        long[][] mask = {{1, 1}};
        int[][] greedy = Generation.generate(new TableModel(t), ids, mask, c);
        assertThat(greedy[0]).containsExactly(1, 2, 3, 0); // .5*.35*.9 = .1575
        int[][] beam = Generation.generate(
                new TableModel(t), ids, mask, c.copy().setNumBeams(2).setLengthPenalty(0.0));
        assertThat(beam[0]).containsExactly(1, 3, 0); // .4*.9 = .36 beats .1575 and .5*.3=.15
    }
}
