package dev.briefs.optimum;

/**
 * A variant name that {@link Variant#parse} does not know: a mistake the user fixes by writing
 * another, so the command line reports it as a usage error (one line, exit status 2).
 */
public final class UnknownVariantException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnknownVariantException(String text) {
        super("unknown variant '" + text + "': use fp32, quantized, q4 or fp16 (or float32, int8, q8, float16)");
    }
}
