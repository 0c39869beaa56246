package dev.briefs.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowGatherTest {

    @Test
    void movesRowsAsAGatherWouldEvenWhenSourcesAreOverwrittenAndRepeated() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 1 + random.nextInt(12);
            int per = 1 + random.nextInt(5);
            float[] before = new float[rows * per];
            for (int i = 0; i < before.length; i++) {
                before[i] = random.nextFloat();
            }
            int[] source = new int[rows];
            for (int r = 0; r < rows; r++) {
                source[r] = random.nextInt(4) == 0 ? r : random.nextInt(rows);
            }
            FloatBuffer data = FloatBuffer.wrap(before.clone());
            RowGather.inPlace(data, source, per);
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < per; k++) {
                    assertThat(data.get(r * per + k)).isEqualTo(before[source[r] * per + k]);
                }
            }
        }
    }
}
