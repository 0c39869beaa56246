package dev.briefs.model.hub;

/** Receives download progress; {@link #begin} is called once per file download attempt sequence. */
public interface TransferProgress {

    /** A progress sink for one file. */
    interface Transfer extends AutoCloseable {
        /** Bytes already on disk (resume) when a new attempt starts. */
        void resumedAt(long bytes);

        void advance(long bytes);

        /** Called once at the end, whether it succeeded or not. */
        @Override
        void close();
    }

    /**
     * @param label      what is downloaded (e.g. {@code opus-mt-en-uk/onnx/encoder_model_quantized.onnx})
     * @param totalBytes size, or -1 when unknown
     */
    Transfer begin(String label, long totalBytes);

    TransferProgress NONE = (label, total) -> new Transfer() {
        @Override
        public void resumedAt(long bytes) {}

        @Override
        public void advance(long bytes) {}

        @Override
        public void close() {}
    };
}
