package dev.briefs.model.hub;

/** A downloaded file whose size or hash is not what the hub announced. */
public class IntegrityException extends ModelException {

    private final String file;
    private final String expected;
    private final String actual;

    public IntegrityException(String file, String what, String expected, String actual) {
        super(
                Kind.FAILURE,
                file + ": " + what + " mismatch, expected " + expected + " but got " + actual
                        + " (the partial file was deleted; nothing was installed)");
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    public String file() {
        return file;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
