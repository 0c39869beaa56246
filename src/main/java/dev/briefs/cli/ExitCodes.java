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
    /**
     * Stopped by SIGTERM (a scheduler's stop, a machine going down) after its last committed chunk: the same
     * command goes on from there. 128 + 15, what a process killed by SIGTERM exits with, so that a wrapper or
     * scheduler reads it as it reads any process stopped by that signal.
     */
    public static final int TERMINATED = 128 + 15;
    /** As {@link #TERMINATED}, stopped by SIGINT (Ctrl-C): 128 + 2. */
    public static final int INTERRUPTED = 128 + 2;

    private ExitCodes() {}
}
