package dev.briefs.model.hub;

/**
 * Every error of the model catalog, hub client, fetch and verify code. The message is meant for the
 * user as it is: one line, no token, no stack trace needed.
 */
public class ModelException extends RuntimeException {

    /** What kind of failure: decides the CLI exit code. */
    public enum Kind {
        /** Wrong name, bad catalog, missing token, 404...: the user must change something. Exit 2. */
        USER(2),
        /** The fetch itself failed: network, server errors, timeouts, bad bytes. Exit 1. */
        FAILURE(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public ModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static ModelException user(String message) {
        return new ModelException(Kind.USER, message);
    }

    public static ModelException failure(String message) {
        return new ModelException(Kind.FAILURE, message);
    }

    public static ModelException failure(String message, Throwable cause) {
        return new ModelException(Kind.FAILURE, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
