package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each processor against hand-computed expectations. */
class LogitsProcessorTest {

    static final float NEG = Float.NEGATIVE_INFINITY;

    static float[][] scores(int rows, int vocab) {
        float[][] s = new float[rows][vocab];
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < vocab; v++) {
                s[r][v] = v + 1 + r * 10;
            }
        }
        return s;
    }

    @Test
    void minLengthBansEosWhileShorterThanMinLengthCountingTheStartToken() {
        var p = new MinLengthLogitsProcessor(3, 2);
        float[][] s = scores(1, 5);
        p.process(new int[][] {{0, 4}}, s); // cur_len 2 < 3
        assertThat(s[0]).containsExactly(1, 2, NEG, 4, 5);
        s = scores(1, 5);
        p.process(new int[][] {{0, 4, 4}}, s); // cur_len 3: allowed
        assertThat(s[0]).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void minNewTokensSkipsThePrompt() {
        var p = new MinNewTokensLengthLogitsProcessor(1, 2, 0, 4);
        float[][] s = scores(1, 5);
        p.process(new int[][] {{3, 1}}, s); // 1 new token < 2
        assertThat(s[0]).containsExactly(NEG, 2, 3, 4, NEG);
        s = scores(1, 5);
        p.process(new int[][] {{3, 1, 1}}, s);
        assertThat(s[0]).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void repetitionPenaltyDividesPositiveMultipliesNegativeOncePerToken() {
        var p = new RepetitionPenaltyLogitsProcessor(2.0);
        float[][] s = {{-1f, 4f, 3f, -0.5f}};
        p.process(new int[][] {{0, 1, 1, 3}}, s);
        assertThat(s[0]).containsExactly(-2f, 2f, 3f, -1f);
        assertThatThrownBy(() -> new RepetitionPenaltyLogitsProcessor(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noRepeatNGramBansCompletionsOfSeenNgrams() {
        var p = new NoRepeatNGramLogitsProcessor(2);
        float[][] s = scores(2, 6);
        // row 0: bigrams (5,1),(1,2),(2,1); last token 1 -> ban 2
        // row 1: bigrams (5,3),(3,3); last token 3 -> ban 3
        p.process(new int[][] {{5, 1, 2, 1}, {5, 3, 3, 3}}, s);
        assertThat(s[0]).containsExactly(1, 2, NEG, 4, 5, 6);
        assertThat(s[1]).containsExactly(11, 12, 13, NEG, 15, 16);
        // trigram, too short to ban anything
        var p3 = new NoRepeatNGramLogitsProcessor(3);
        s = scores(1, 6);
        p3.process(new int[][] {{5}}, s);
        assertThat(s[0]).containsExactly(1, 2, 3, 4, 5, 6);
        s = scores(1, 6);
        p3.process(new int[][] {{5, 1, 2, 5, 1}}, s); // (5,1) seen followed by 2
        assertThat(s[0]).containsExactly(1, 2, NEG, 4, 5, 6);
    }

    @Test
    void badWordsSingleAlwaysMultiOnPrefixEosIgnored() {
        var p = new NoBadWordsLogitsProcessor(List.of(new int[] {4}, new int[] {1, 2, 3}, new int[] {0}), 0);
        float[][] s = scores(2, 5);
        p.process(new int[][] {{9 % 5, 1, 2}, {0, 2, 1}}, s);
        assertThat(s[0]).containsExactly(1, 2, 3, NEG, NEG); // 4 always, 3 after (1,2); eos 0 not banned
        assertThat(s[1]).containsExactly(11, 12, 13, 14, NEG);
    }

    @Test
    void marianPadIsNeverEmitted() {
        GenerationConfig c = new GenerationConfig()
                .setEosTokenId(0)
                .setPadTokenId(9)
                .setDecoderStartTokenId(9)
                .setBadWordsIds(List.of(new int[] {9}));
        LogitsProcessorList list = LogitsProcessorList.fromConfig(c, 20, 1);
        float[][] s = scores(1, 10);
        list.process(new int[][] {{9}}, s);
        assertThat(s[0][9]).isEqualTo(NEG);
    }

    @Test
    void forcedBosAtStepOneOnly() {
        var p = new ForcedBOSTokenLogitsProcessor(0);
        float[][] s = scores(2, 4);
        p.process(new int[][] {{2}, {2}}, s);
        assertThat(s[0]).containsExactly(0f, NEG, NEG, NEG);
        assertThat(s[1]).containsExactly(0f, NEG, NEG, NEG);
        s = scores(1, 4);
        p.process(new int[][] {{2, 0}}, s);
        assertThat(s[0]).containsExactly(1, 2, 3, 4);
    }

    @Test
    void forcedEosAtMaxLengthMinusOne() {
        var p = new ForcedEOSTokenLogitsProcessor(4, 2);
        float[][] s = scores(1, 4);
        p.process(new int[][] {{2, 0, 1}}, s);
        assertThat(s[0]).containsExactly(NEG, NEG, 0f, NEG);
        s = scores(1, 4);
        p.process(new int[][] {{2, 0}}, s);
        assertThat(s[0]).containsExactly(1, 2, 3, 4);
    }

    @Test
    void processorListFollowsTransformersOrder() {
        GenerationConfig c = new GenerationConfig()
                .setEosTokenId(2)
                .setPadTokenId(1)
                .setDecoderStartTokenId(2)
                .setRepetitionPenalty(1.2)
                .setNoRepeatNgramSize(3)
                .setBadWordsIds(List.of(new int[] {7}))
                .setMinLength(5)
                .setMinNewTokens(2)
                .setForcedBosTokenId(0)
                .setForcedEosTokenId(2);
        List<Class<?>> types = LogitsProcessorList.fromConfig(c, 30, 1).processors().stream()
                .<Class<?>>map(Object::getClass)
                .toList();
        assertThat(types)
                .containsExactly(
                        RepetitionPenaltyLogitsProcessor.class,
                        NoRepeatNGramLogitsProcessor.class,
                        NoBadWordsLogitsProcessor.class,
                        MinLengthLogitsProcessor.class,
                        MinNewTokensLengthLogitsProcessor.class,
                        ForcedBOSTokenLogitsProcessor.class,
                        ForcedEOSTokenLogitsProcessor.class);
        // defaults: nothing
        assertThat(LogitsProcessorList.fromConfig(new GenerationConfig().setEosTokenId(2), 20, 1)
                        .processors())
                .isEmpty();
    }

    @Test
    void stoppingCriteria() {
        var max = StoppingCriteria.maxLength(3);
        assertThat(max.isDone(new int[][] {{1, 2}})).containsExactly(false);
        assertThat(max.isDone(new int[][] {{1, 2, 3}, {1, 2, 2}})).containsExactly(true, true);
        var eos = StoppingCriteria.eos(2);
        assertThat(eos.isDone(new int[][] {{1, 2}, {2, 1}})).containsExactly(true, false);
    }

    @Test
    void configOverridesAndMaxNewTokens() {
        GenerationConfig c = new GenerationConfig().setMaxLength(50);
        assertThat(c.effectiveMaxLength(1)).isEqualTo(50);
        c.override(Map.of("max_new_tokens", 5, "early_stopping", "never", "num_beams", 3));
        assertThat(c.effectiveMaxLength(1)).isEqualTo(6);
        assertThat(c.getEarlyStopping()).isEqualTo(GenerationConfig.EarlyStopping.NEVER);
        assertThat(c.getNumBeams()).isEqualTo(3);
        assertThatThrownBy(() -> c.override(Map.of("top_k", 5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configLoadsFromModelFolder() {
        GenerationConfig c = GenerationConfig.load(ParityTest.modelsDir().resolve("tiny-bart"));
        assertThat(c.getNumBeams()).isEqualTo(4);
        assertThat(c.getEarlyStopping()).isEqualTo(GenerationConfig.EarlyStopping.TRUE);
        assertThat(c.getForcedBosTokenId()).isEqualTo(0);
        assertThat(c.getForcedEosTokenId()).containsExactly(2);
        assertThat(c.getMaxPositionEmbeddings()).isEqualTo(64);
        GenerationConfig m = GenerationConfig.load(ParityTest.modelsDir().resolve("tiny-marian-en-uk"));
        assertThat(m.getBadWordsIds()).hasSize(1);
        assertThat(m.getBadWordsIds().get(0)).containsExactly(997);
        assertThat(m.resolveDecoderStartTokenId()).isEqualTo(997);
    }
}
