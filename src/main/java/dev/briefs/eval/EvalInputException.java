package dev.briefs.eval;

/** Input that cannot be scored, for a reason the user can fix (a missing file, lines that do not pair up). */
public class EvalInputException extends RuntimeException {

    public EvalInputException(String message) {
        super(message);
    }
}
