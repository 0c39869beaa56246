package dev.briefs.failure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

/**
 * The line an operator reads when a step failed: its innermost cause, not Spring Batch's wrapper
 * ("Unable to process chunk"). The job's own exceptions are written for the operator and read as
 * their message alone; others keep their type, which often is the only hint (a NullPointerException).
 */
public final class FailureText {

    /** Linux's words for ENOSPC, as Java passes them on. */
    private static final String NO_SPACE = "No space left on device";

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
     * (57P01 to 57P03: an administrator's or crash shutdown, a server still starting), or the pool
     * refused a connection it had already closed as broken. Such a failure is no article's and no bug;
     * the night fails and goes on once the database is back.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (closedByPool(c)) {
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

    /**
     * HikariCP closes a connection that failed with a connection error (SQLSTATE 08, 57P01) and answers any
     * later use of it, such as the rollback of the transaction it was in, with a plain "Connection is closed"
     * and no SQLSTATE. Spring then reports that rollback's failure in place of the first error ("Application
     * exception overridden by rollback exception"), so it is the only trace left of the server going. The job
     * never uses a connection it closed itself.
     */
    private static boolean closedByPool(Throwable t) {
        return t instanceof SQLException sql
                && sql.getSQLState() == null
                && sql.getStackTrace().length > 0
                && sql.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.");
    }

    /**
     * Whether {@code failure} is a write that the file system refused for want of space (ENOSPC). Java gives
     * no other sign of it than the system's own words, as an I/O error's message.
     */
    public static boolean diskFull(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException
                    && c.getMessage() != null
                    && c.getMessage().contains(NO_SPACE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The operator's line for a failure of the job repository's database, or empty when {@code failures} hold
     * none: its embedded file's disk full, where it is one ({@code h2File}, null for a database elsewhere), else
     * the database gone ({@link #databaseUnreachable(Throwable, Object)}). H2 stops its database at the first
     * write it cannot make: every later statement of the run reads only "The database has been closed", and a
     * later start fails in its first write, so the disk full is looked for in all of them.
     */
    public static Optional<String> repository(List<Throwable> failures, Object database, Path h2File) {
        if (h2File != null
                && failures.stream().anyMatch(f -> diskFull(f) && Causes.find(f, SQLException.class) != null)) {
            return Optional.of("the job repository's disk is full (" + NO_SPACE + "): its database file " + h2File
                    + " could not be written; free space on that file system");
        }
        List<Throwable> gone =
                failures.stream().filter(FailureText::databaseUnreachable).toList();
        // The server's own words (a refused connection, an administrator's shutdown) say more than the pool's.
        return gone.stream()
                .filter(f -> !closedByPool(Causes.root(f)))
                .findFirst()
                .or(() -> gone.stream().findFirst())
                .map(f -> databaseUnreachable(f, database));
    }

    /** The operator's line for a failure of {@link #databaseUnreachable}: which database, and why. */
    public static String databaseUnreachable(Throwable failure, Object database) {
        String why = closedByPool(Causes.root(failure))
                ? "its connection broke (the pool closed it: "
                        + Causes.root(failure).getMessage() + ")"
                : of(failure);
        return "the job repository's database cannot be reached (" + database + "): " + why;
    }
}
