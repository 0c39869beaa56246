package dev.briefs.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class OrtBuffersTest {

    @Test
    void readsInPlaceOnThePinnedOrtVersion() {
        // if this fails after an ORT upgrade, outputs are copied again (correct, slower): see OrtBuffers
        assertThat(OrtBuffers.zeroCopy()).isTrue();
    }

    @Test
    void sameValuesAsDjlsCopy() {
        try (NDManager mgr = NDManager.newBaseManager("OnnxRuntime")) {
            float[] data = {1f, -2.5f, Float.NaN, Float.NEGATIVE_INFINITY, 3e-8f, 7f};
            NDArray a = mgr.create(data, new Shape(2, 3));
            FloatBuffer view = OrtBuffers.floats(a);
            float[] got = new float[view.remaining()];
            view.get(got);
            assertThat(got).containsExactly(a.toFloatArray());
        }
    }
}
