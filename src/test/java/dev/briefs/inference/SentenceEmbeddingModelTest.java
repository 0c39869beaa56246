package dev.briefs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.support.RoundingBound;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEmbeddingModelTest {

    private static SentenceEmbeddingModel model;

    @BeforeAll
    static void load() {
        model = SentenceEmbeddingModel.loadBundled();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = model.embed(List.of(
                "The foreign minister spoke with his American counterpart by phone.",
                "The US Secretary of State had a phone call with the Ukrainian foreign minister.",
                "Heavy rain is expected in the mountains over the weekend."));
        assertThat(v).hasNumberOfRows(3);
        assertThat(v[0]).hasSize(384);
        // Unit length, up to the rounding of scaling and of this dot product: two sums of 384 terms in float32,
        // 2 * γ(384) = 4.6e-5 at most (RoundingBound's γ); not scaled at all would be far off 1.
        double bound = 2 * 384 * RoundingBound.UNIT_ROUNDOFF / (1 - 384 * RoundingBound.UNIT_ROUNDOFF);
        assertThat(dot(v[0], v[0])).isCloseTo(1.0, Offset.offset(bound));
        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.2);
    }

    @Test
    void aSentenceGetsTheSameVectorWhateverItsNeighbours() {
        String s = "Blinken reaffirmed support for Ukraine.";
        float[] alone = model.embed(List.of(s))[0];
        float[] batched = model.embed(List.of(
                s,
                "A much longer sentence that forces the first one to be padded in the batch "
                        + "because it has many more tokens than the short one."))[0];
        assertThat(dot(alone, batched)).isEqualTo(1.0, Offset.offset(1e-6));
    }

    @Test
    void countsTokensWithItsOwnTokenizer() {
        assertThat(model.tokenCounter().count("hello world")).isEqualTo(2);
        assertThat(model.tokenCounter().count("")).isZero();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
