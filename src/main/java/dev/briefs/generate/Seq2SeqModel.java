package dev.briefs.generate;

/**
 * An encoder-decoder model as the search strategies see it: token ids in, next-token logits out.
 * Implementations (e.g. {@code dev.briefs.inference.onnx.OnnxSeq2SeqModel}) must be safe to use from
 * several threads, each with its own {@link DecoderSession}.
 */
public interface Seq2SeqModel {

    /**
     * Runs the encoder over a right- or left-padded batch and opens a decoding session whose rows
     * are the batch rows each repeated {@code expand} times in a row (transformers'
     * {@code repeat_interleave}), i.e. row {@code b * expand + k} decodes input {@code b}.
     *
     * @param inputIds [batch][seq] token ids, all rows of the same length
     * @param attentionMask [batch][seq], 1 for real tokens and 0 for padding
     * @param expand rows per input (num_beams for beam search, 1 for greedy)
     */
    DecoderSession startDecoding(long[][] inputIds, long[][] attentionMask, int expand);

    /**
     * The threads the search may spread its per-row work (log-softmax, top-k, confidence) over: the model's own
     * share of the machine's compute threads. At 1 that work runs on the calling thread, so that partitions which
     * already fill the cores do not add the common pool's threads to them ({@link RowLoops}).
     */
    default int searchThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** One decoding run with its key/value cache. Not thread-safe. */
    interface DecoderSession extends AutoCloseable {

        /**
         * Feeds one new decoder token per row (the decoder start token on the first call) and
         * returns the logits of the next token, [rows][vocab]. Only the new position is computed;
         * earlier ones come from the cache.
         */
        float[][] step(int[] tokens);

        /**
         * Reorders the cache so that row {@code i} continues from former row {@code
         * sourceRows[i]} (beam search). Implementations skip the work for the identity.
         */
        void reorder(int[] sourceRows);

        @Override
        void close();
    }
}
