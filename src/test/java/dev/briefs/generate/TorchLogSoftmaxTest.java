package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** torch.log_softmax's float32 results, bit for bit, and the SLEEF functions behind them. */
class TorchLogSoftmaxTest {

    /**
     * Rows recorded from torch 2.5.1 (AVX2) by tools/fixtures/make_log_softmax_cases.py: fp32-like,
     * int8-like (many exact ties) and wide-spread logits, lengths around the 8-lane boundaries.
     * With Math.exp in place of SLEEF's expf 9 of these rows differ, with Math.log in place of its
     * logf 2, and with a double accumulator 314.
     */
    @Test
    void matchesTorchBitForBit() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/torch-log-softmax-cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> differing = new ArrayList<>();
        int rows = 0;
        for (JsonNode c : root.get("cases")) {
            float[] x = floats(c.get("x"));
            float[] y = floats(c.get("y"));
            float[] z = x.clone();
            TorchLogSoftmax.inPlace(z);
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(z[i]) != Float.floatToRawIntBits(y[i])) {
                    differing.add(
                            "row " + rows + " (n " + x.length + ") element " + i + ": " + z[i] + " vs torch " + y[i]);
                    break;
                }
            }
            rows++;
        }
        assertThat(rows).isEqualTo(504);
        assertThat(differing).isEmpty();
    }

    @Test
    void equalLogitsGetEqualLogProbabilities() {
        float[] r = {0.25f, -1.5f, 0.25f, 3f, -1.5f, 0.25f, 3f, 0.5f, 0.25f};
        TorchLogSoftmax.inPlace(r);
        assertThat(r[0]).isEqualTo(r[2]).isEqualTo(r[5]).isEqualTo(r[8]);
        assertThat(r[3]).isEqualTo(r[6]).isNegative();
        assertThat(r[1]).isEqualTo(r[4]).isLessThan(r[0]);
    }

    @Test
    void expMatchesItsKnownValuesAndLimits() {
        assertThat(TorchLogSoftmax.sleefExpf(0f)).isEqualTo(1f);
        assertThat(TorchLogSoftmax.sleefExpf(-104.5f)).isEqualTo(0f);
        assertThat(TorchLogSoftmax.sleefExpf(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
        assertThat(TorchLogSoftmax.sleefExpf(-1f)).isCloseTo((float) Math.exp(-1), Offset.offset(1e-7f));
        // subnormal results: exp(-100) ~ 3.7e-44
        assertThat(TorchLogSoftmax.sleefExpf(-100f)).isCloseTo((float) Math.exp(-100), Offset.offset(Float.MIN_VALUE));
    }

    @Test
    void logMatchesItsKnownValuesAndLimits() {
        assertThat(TorchLogSoftmax.sleefLogf(1f)).isEqualTo(0f);
        assertThat(TorchLogSoftmax.sleefLogf(0f)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(TorchLogSoftmax.sleefLogf(-1f)).isNaN();
        assertThat(TorchLogSoftmax.sleefLogf((float) Math.E)).isCloseTo(1f, Offset.offset(1.2e-7f));
        assertThat(TorchLogSoftmax.sleefLogf(1e-40f)).isCloseTo((float) Math.log(1e-40), Offset.offset(1e-5f));
    }

    private static float[] floats(JsonNode bits) {
        float[] f = new float[bits.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = Float.intBitsToFloat(bits.get(i).intValue());
        }
        return f;
    }
}
