package dev.briefs.model;

/** A model that cannot be loaded: the message names the model and the file, and what to do. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
