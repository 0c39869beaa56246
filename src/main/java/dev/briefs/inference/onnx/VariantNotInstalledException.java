package dev.briefs.inference.onnx;

import java.nio.file.Path;

/**
 * The model folder lacks the graphs of the variant asked for, though it holds another variant's.
 * The message names the missing file and both fixes (fetch the variant, or ask for the other), so
 * callers pass it on without adding a fix of their own.
 */
public final class VariantNotInstalledException extends ModelLoadException {

    private static final long serialVersionUID = 1L;

    VariantNotInstalledException(Path missing, String message) {
        super(message, missing);
    }
}
