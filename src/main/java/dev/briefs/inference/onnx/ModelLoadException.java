package dev.briefs.inference.onnx;

import java.nio.file.Path;

/**
 * A model that cannot be loaded: a folder or file missing, unreadable or corrupt. The message
 * names the model or the file, so the operator knows what to fetch or repair. Raised when the
 * model is loaded, before a night's work starts, never halfway through it.
 */
public class ModelLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public ModelLoadException(String message) {
        this(message, (Throwable) null);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
    }

    public ModelLoadException(Path file, String message, Throwable cause) {
        super(message + ": " + file, cause);
        this.file = file;
    }

    public ModelLoadException(Path file, String message) {
        this(file, message, null);
    }

    /** For a message that names the file itself, where appending it would not read well. */
    protected ModelLoadException(String message, Path file) {
        super(message);
        this.file = file;
    }

    /** The offending file or folder, or {@code null} for a model bundled with the application. */
    public Path getFile() {
        return file;
    }
}
