package dev.briefs.inference.onnx;

import java.nio.file.Path;

/**
 * A model whose files are all there and readable, but whose configuration asks for something this
 * application will not do, such as a generation setting it does not implement. Fetching the model
 * again does not help; the message says which key of which file to change.
 */
public class ModelConfigException extends ModelLoadException {

    private static final long serialVersionUID = 1L;
    private final transient Path file;

    /** @param message the whole message, naming the file already */
    public ModelConfigException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    @Override
    public Path getFile() {
        return file;
    }
}
