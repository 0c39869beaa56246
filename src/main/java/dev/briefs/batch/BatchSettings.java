package dev.briefs.batch;

import dev.briefs.inference.onnx.CallMemory;

/**
 * How model work from many articles is put into model calls.
 *
 * @param maxRows     inputs per model call at most (before beams); 1 turns batching off
 * @param maxTokens   padded input tokens per model call at most (rows times padded length): the
 *                    encoder output and the cross-attention cache grow with it, times the number of
 *                    beams
 * @param lengthBucket inputs are padded to a multiple of this many tokens, alone or in a batch, so
 *                    that their results never depend on their neighbours; 1 pads nothing, which
 *                    keeps every output bit-identical to an unbatched reference run but lets only
 *                    inputs of exactly equal length share a call
 * @param maxCallMib  what one call may hold in memory at most, in MiB, by the model's {@link
 *                    dev.briefs.inference.onnx.CallMemory} estimate: attention's scores grow with the
 *                    square of the length and the decoder's cache and logits with the beams, which
 *                    {@code maxTokens} does not count; a call of one input runs whatever its estimate
 */
public record BatchSettings(int maxRows, int maxTokens, int lengthBucket, int maxCallMib) {

    /**
     * 1 GiB a call, about a quarter of the three catalog models' own memory: the largest calls {@code maxTokens}
     * alone let through were estimated at 2.5-3.1 GiB (distilbart, 8-16 rows of 512-1,024 tokens, 4 beams) and
     * stayed in ONNX Runtime's arena all night. At this bound distilbart still runs 16 rows up to 128 tokens and
     * opus-mt up to 352; on a night of large calls it took 1.6 GiB off the peak at the same CPU per article
     * (docs/performance.md, "Memory").
     */
    public static final int DEFAULT_MAX_CALL_MIB = 1024;

    /**
     * 32-token buckets: a whole night ran 1.9 times as fast as with exact lengths, and padding to
     * them kept transformers' tokens on every recorded fixture case (docs/performance.md).
     */
    public static final BatchSettings DEFAULTS = new BatchSettings(16, 8192, 32, DEFAULT_MAX_CALL_MIB);

    /** One input per call, the way the job ran before batching. */
    public static final BatchSettings NONE = new BatchSettings(1, Integer.MAX_VALUE, 1, Integer.MAX_VALUE);

    public BatchSettings {
        if (maxRows < 1 || maxTokens < 1 || lengthBucket < 1 || maxCallMib < 1) {
            throw new IllegalArgumentException("batch settings must be positive: rows " + maxRows + ", tokens "
                    + maxTokens + ", length bucket " + lengthBucket + ", MiB a call " + maxCallMib);
        }
    }

    /** These limits with the default bound on a call's memory. */
    public BatchSettings(int maxRows, int maxTokens, int lengthBucket) {
        this(maxRows, maxTokens, lengthBucket, DEFAULT_MAX_CALL_MIB);
    }

    /**
     * Inputs padded to {@code paddedLength} tokens that one call may hold: within the rows, the padded tokens
     * and the memory bound by the model's estimate, and never fewer than one.
     */
    public int rowsPerCall(int paddedLength, CallMemory memory) {
        int byTokens = maxTokens / Math.max(1, paddedLength);
        int byMemory = memory.rowsWithin((long) maxCallMib << 20, paddedLength);
        return Math.max(1, Math.min(maxRows, Math.min(byTokens, byMemory)));
    }

    /** The length an input of {@code length} tokens is padded to, whatever else is in its batch. */
    public int paddedLength(int length) {
        return (length + lengthBucket - 1) / lengthBucket * lengthBucket;
    }
}
