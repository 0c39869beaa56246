package dev.briefs.generate;

import static dev.briefs.generate.LogitsProcessorTest.NEG;
import static dev.briefs.generate.LogitsProcessorTest.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** suppress_tokens, begin_suppress_tokens, remove_invalid_values and renormalize_logits against hand-computed scores. */
class SuppressAndNormaliseProcessorsTest {

    @Test
    void suppressTokensBansTheIdsAtEveryStepAndIgnoresIdsOutsideTheVocabulary() {
        var p = new SuppressTokensLogitsProcessor(1, 3, 99, -1);
        float[][] s = scores(2, 5);
        p.process(new int[][] {{0}, {0}}, s);
        assertThat(s[0]).containsExactly(1, NEG, 3, NEG, 5);
        assertThat(s[1]).containsExactly(11, NEG, 13, NEG, 15);
        s = scores(1, 5);
        p.process(new int[][] {{0, 2, 4, 4, 4, 4}}, s);
        assertThat(s[0]).containsExactly(1, NEG, 3, NEG, 5);
    }

    @Test
    void beginSuppressTokensBansTheIdsOnlyWhenTheDecoderHoldsBeginIndexTokens() {
        var p = new SuppressTokensAtBeginLogitsProcessor(1, 0, 4);
        float[][] s = scores(2, 5);
        p.process(new int[][] {{2}, {2}}, s); // first generated token
        assertThat(s[0]).containsExactly(NEG, 2, 3, 4, NEG);
        assertThat(s[1]).containsExactly(NEG, 12, 13, 14, NEG);
        s = scores(1, 5);
        p.process(new int[][] {{2, 1}}, s); // later steps: untouched
        assertThat(s[0]).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void beginIndexIsTheStartTokenOrOneMoreWhenABosTokenIsForced() {
        // transformers 4.46.3: input_ids_seq_length, + 1 when it is 1 and forced_bos_token_id is set
        assertThat(SuppressTokensAtBeginLogitsProcessor.beginIndex(1, null)).isEqualTo(1);
        assertThat(SuppressTokensAtBeginLogitsProcessor.beginIndex(1, 827)).isEqualTo(2);
        assertThat(SuppressTokensAtBeginLogitsProcessor.beginIndex(3, 827)).isEqualTo(3);

        GenerationConfig nllbLike = new GenerationConfig()
                .setEosTokenId(2)
                .setDecoderStartTokenId(2)
                .setForcedBosTokenId(4)
                .setBeginSuppressTokens(3);
        LogitsProcessorList list = LogitsProcessorList.fromConfig(nllbLike, 20, 1);
        float[][] s = scores(1, 5);
        list.process(new int[][] {{2}}, s); // step 1: the forced language token, suppression waits
        assertThat(s[0]).containsExactly(NEG, NEG, NEG, NEG, 0f);
        s = scores(1, 5);
        list.process(new int[][] {{2, 4}}, s); // step 2: the model's first own token
        assertThat(s[0]).containsExactly(1, 2, 3, NEG, 5);
    }

    @Test
    void removeInvalidValuesMakesEveryScoreFinite() {
        float[][] s = {{Float.NaN, Float.POSITIVE_INFINITY, NEG, -2.5f}};
        new InfNanRemoveLogitsProcessor().process(new int[][] {{0}}, s);
        assertThat(s[0]).containsExactly(0f, Float.MAX_VALUE, -Float.MAX_VALUE, -2.5f);
    }

    @Test
    void renormalisationIsALogSoftmaxOverWhatIsLeft() {
        float[][] s = {{(float) Math.log(1), (float) Math.log(3), NEG}, {NEG, NEG, NEG}};
        new LogitNormalization().process(new int[][] {{0}, {0}}, s);
        // exp-scores 1 and 3 of 4: log(1/4), log(3/4); a banned token stays banned
        assertThat(s[0][0]).isCloseTo((float) Math.log(0.25), within(1e-6f));
        assertThat(s[0][1]).isCloseTo((float) Math.log(0.75), within(1e-6f));
        assertThat(s[0][2]).isEqualTo(NEG);
        // all banned: torch's log_softmax gives NaN
        assertThat(s[1]).containsOnly(Float.NaN);
    }

    @Test
    void renormalisationRunsLastSoBansOfEarlierProcessorsAreNormalisedAway() {
        GenerationConfig c =
                new GenerationConfig().setEosTokenId(0).setSuppressTokens(2).setRenormalizeLogits(true);
        float[][] s = {{0f, 0f, 0f, 0f}};
        LogitsProcessorList.fromConfig(c, 20, 1).process(new int[][] {{1}}, s);
        float third = (float) Math.log(1.0 / 3);
        assertThat(s[0][0]).isCloseTo(third, within(1e-6f));
        assertThat(s[0][1]).isCloseTo(third, within(1e-6f));
        assertThat(s[0][2]).isEqualTo(NEG);
        assertThat(s[0][3]).isCloseTo(third, within(1e-6f));
    }

    @Test
    void processorsFollowTransformersOrderWithTheNewOnesAfterForcedEos() {
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
                .setForcedEosTokenId(2)
                .setRemoveInvalidValues(true)
                .setSuppressTokens(5)
                .setBeginSuppressTokens(6)
                .setRenormalizeLogits(true);
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
                        ForcedEOSTokenLogitsProcessor.class,
                        InfNanRemoveLogitsProcessor.class,
                        SuppressTokensLogitsProcessor.class,
                        SuppressTokensAtBeginLogitsProcessor.class,
                        LogitNormalization.class);
    }

    @Test
    void suppressionAfterForcedEosWinsAsInTransformers() {
        // forced EOS sets everything but EOS to -inf and EOS to 0; suppressing EOS afterwards leaves no token
        GenerationConfig c =
                new GenerationConfig().setEosTokenId(2).setForcedEosTokenId(2).setSuppressTokens(2);
        float[][] s = scores(1, 4);
        LogitsProcessorList.fromConfig(c, 3, 1).process(new int[][] {{0, 1}}, s);
        assertThat(s[0]).containsOnly(NEG);
    }

    @Test
    void minNewTokensReplacesMinLengthAsTransformersPreparesTheLengths() {
        // min_length 10 would ban EOS until 10 tokens; with min_new_tokens 2, 4.46.3 sets min_length to 2 + 1
        GenerationConfig c =
                new GenerationConfig().setEosTokenId(0).setMinLength(10).setMinNewTokens(2);
        assertThat(c.effectiveMinLength(1)).isEqualTo(3);
        LogitsProcessorList list = LogitsProcessorList.fromConfig(c, 20, 1);
        float[][] s = scores(1, 3);
        list.process(new int[][] {{1, 1}}, s); // one new token: EOS banned
        assertThat(s[0][0]).isEqualTo(NEG);
        s = scores(1, 3);
        list.process(new int[][] {{1, 1, 1}}, s); // two new tokens: allowed although shorter than min_length 10
        assertThat(s[0]).containsExactly(1, 2, 3);
        assertThat(new GenerationConfig().setMinLength(10).effectiveMinLength(1))
                .isEqualTo(10);
    }
}
