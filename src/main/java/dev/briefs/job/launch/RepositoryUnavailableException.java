package dev.briefs.job.launch;

/**
 * A command's Spring context could not start because the job repository's database cannot be used (gone, or
 * its disk full); the message is the operator's line (see {@link dev.briefs.failure.FailureText#repository}).
 */
public final class RepositoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RepositoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
