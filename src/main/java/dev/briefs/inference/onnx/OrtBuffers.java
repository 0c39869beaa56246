package dev.briefs.inference.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.onnxruntime.OnnxTensor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Reads ONNX Runtime output tensors without copying them first.
 *
 * <p>DJL's {@code toByteBuffer()} / {@code toFloatArray()} and ORT's public {@code
 * getFloatBuffer()} all copy the whole tensor onto the Java heap. For the decoder's logits
 * ([rows, seq, vocab]; 61k floats per row for opus-mt) only the last position of each row is
 * needed, so this class reads a direct view of ORT's own output memory ({@code
 * OnnxTensor.getBuffer()}, private in ORT 1.21's Java API, reached by reflection once) and the
 * caller copies just what it uses. Where that method is missing or inaccessible it falls back to
 * the public, copying path, so results never depend on it. The view is only valid until the
 * tensor is closed.
 */
final class OrtBuffers {

    private static final MethodHandle VIEW = findView();

    private OrtBuffers() {}

    private static MethodHandle findView() {
        try {
            Method m = OnnxTensor.class.getDeclaredMethod("getBuffer");
            if (m.getReturnType() != ByteBuffer.class) {
                return null;
            }
            m.setAccessible(true);
            return MethodHandles.lookup()
                    .unreflect(m)
                    .asType(MethodType.methodType(ByteBuffer.class, OnnxTensor.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether outputs are read in place (false: the copying fallback is in use). */
    static boolean zeroCopy() {
        return VIEW != null;
    }

    /**
     * A view of ORT's own memory of a float32 array, to read and write in place, or null where
     * that is not possible (then callers take a copying path). Valid until the array is closed.
     */
    static FloatBuffer view(NDArray a) {
        if (VIEW != null && a instanceof OrtNDArray o) {
            try {
                ByteBuffer b = (ByteBuffer) VIEW.invokeExact(o.getTensor());
                if (b != null && b.isDirect() && !b.isReadOnly()) {
                    return b.order(ByteOrder.nativeOrder()).asFloatBuffer();
                }
            } catch (Throwable e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The float32 data of an array, in native order: a view of ORT's memory where possible (valid
     * until the array is closed), else a heap copy.
     */
    static FloatBuffer floats(NDArray a) {
        if (VIEW != null && a instanceof OrtNDArray o) {
            try {
                ByteBuffer b = (ByteBuffer) VIEW.invokeExact(o.getTensor());
                if (b != null && b.isDirect()) {
                    return b.order(ByteOrder.nativeOrder()).asFloatBuffer();
                }
            } catch (Throwable e) {
                // fall through to the copying path
            }
        }
        return a.toByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
