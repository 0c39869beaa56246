package dev.briefs.model.onnx;

import java.nio.file.Path;

/** A model folder or one of its files is missing, unreadable or corrupt. Names the file. */
public class ModelLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public ModelLoadException(Path file, String message, Throwable cause) {
        super(message + ": " + file, cause);
        this.file = file;
    }

    public ModelLoadException(Path file, String message) {
        this(file, message, null);
    }

    /** The offending file or folder. */
    public Path getFile() {
        return file;
    }
}
