package dev.briefs.cli;

/** Exit statuses of every command, as the README and docs/operating.md document them. */
public final class ExitCodes {

    /** Every brief complete. */
    public static final int OK = 0;
    /** The job itself failed (or could not start). */
    public static final int JOB_FAILED = 1;
    /** A usage or configuration error, reported as one line. */
    public static final int USAGE = 2;
    /** The run finished but some chunks or articles failed; what succeeded is written. */
    public static final int SOME_FAILED = 3;

    private ExitCodes() {}
}
