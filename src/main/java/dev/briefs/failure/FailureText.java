package dev.briefs.failure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The line an operator reads when a step failed: its innermost cause, not Spring Batch's wrapper
 * ("Unable to process chunk"). The job's own exceptions are written for the operator and read as
 * their message alone; others keep their type, which often is the only hint (a NullPointerException).
 */
public final class FailureText {

    private FailureText() {}

    public static String of(Throwable failure) {
        Throwable root = Causes.root(failure);
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        if (root.getClass().getName().startsWith("dev.briefs.")) {
            return message;
        }
        return root.getClass().getSimpleName() + ": " + message;
    }

    /**
     * Whether {@code failure} is the database's connection gone or refused: no connection could be
     * made or borrowed in time (SQLSTATE class 08, a pool's timeout), or the server ended the session
     * (57P01 to 57P03: an administrator's or crash shutdown, a server still starting). Such a failure
     * is no article's and no bug; the night fails and goes on once the database is back.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The operator's line for a failure of {@link #databaseUnreachable}: which database, and why. */
    public static String databaseUnreachable(Throwable failure, Object database) {
        return "the job repository's database cannot be reached (" + database + "): " + of(failure);
    }
}
