package dev.briefs.batch;

/**
 * How model work from many articles is put into model calls.
 *
 * @param maxRows     inputs per model call at most (before beams); 1 turns batching off
 * @param maxTokens   padded input tokens per model call at most (rows times padded length), which
 *                    bounds the memory of one call: the encoder output and the cross-attention
 *                    cache grow with it, times the number of beams
 * @param lengthBucket inputs are padded to a multiple of this many tokens, alone or in a batch, so
 *                    that their results never depend on their neighbours; 1 pads nothing, which
 *                    keeps every output bit-identical to an unbatched reference run but lets only
 *                    inputs of exactly equal length share a call
 */
public record BatchSettings(int maxRows, int maxTokens, int lengthBucket) {

    /**
     * 32-token buckets: a whole night ran 1.9 times as fast as with exact lengths, and padding to
     * them kept transformers' tokens on every recorded fixture case (docs/performance.md).
     */
    public static final BatchSettings DEFAULTS = new BatchSettings(16, 8192, 32);

    /** One input per call, the way the job ran before batching. */
    public static final BatchSettings NONE = new BatchSettings(1, Integer.MAX_VALUE, 1);

    public BatchSettings {
        if (maxRows < 1 || maxTokens < 1 || lengthBucket < 1) {
            throw new IllegalArgumentException("batch settings must be positive: rows " + maxRows + ", tokens "
                    + maxTokens + ", length bucket " + lengthBucket);
        }
    }

    /** The length an input of {@code length} tokens is padded to, whatever else is in its batch. */
    public int paddedLength(int length) {
        return (length + lengthBucket - 1) / lengthBucket * lengthBucket;
    }
}
