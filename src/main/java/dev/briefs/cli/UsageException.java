package dev.briefs.cli;

/** A mistake the user can fix: printed as one line, exit status 2, no stack trace. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
