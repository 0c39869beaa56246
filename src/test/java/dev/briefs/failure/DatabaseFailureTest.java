package dev.briefs.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job repository's database gone is the night's failure, never a model call's or an article's. */
class DatabaseFailureTest {

    private static final Exception REFUSED = new IllegalStateException(
            "Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 5000ms",
                    new SQLException(
                            "Connection to localhost:5432 refused",
                            "08001",
                            new ConnectException("Connection refused"))));
    private static final Exception SHUT_DOWN = new IllegalStateException(
            "PreparedStatementCallback",
            new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

    @Test
    void aRefusedConnectionOrAServerShutdownIsTheDatabaseGone() {
        assertThat(FailureText.databaseUnreachable(REFUSED)).isTrue();
        assertThat(FailureText.databaseUnreachable(SHUT_DOWN)).isTrue();
        assertThat(FailureText.databaseUnreachable(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(FailureText.databaseUnreachable(new IOException("model call timed out")))
                .isFalse();
    }

    @Test
    void itIsNotRetriedAsAModelCallNorAnArticlesFailure() {
        assertThat(ExpectedFailures.mayPass(REFUSED)).isFalse();
        assertThat(ExpectedFailures.perArticle(REFUSED)).isFalse();
        assertThat(ExpectedFailures.perArticle(SHUT_DOWN)).isFalse();
        assertThat(ExpectedFailures.mayPass(new IOException("model call timed out")))
                .isTrue();
    }

    @Test
    void aConnectionThePoolClosedIsTheDatabaseGone() throws SQLException {
        // HikariCP answers any use of a connection it closed (as it does one that failed with a connection
        // error) with a plain "Connection is closed": the rollback of the chunk it was in reports only that.
        SQLException closed;
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:closed");
            Connection connection = pool.getConnection();
            connection.close();
            closed = catchThrowableOfType(SQLException.class, connection::rollback);
        }
        assertThat(closed.getMessage()).contains("Connection is closed");
        Exception rollbackFailed = new IllegalStateException("JDBC rollback failed", closed);
        assertThat(FailureText.databaseUnreachable(rollbackFailed)).isTrue();
        assertThat(FailureText.repository(List.of(rollbackFailed), "db", null))
                .contains("the job repository's database cannot be reached (db): its connection broke "
                        + "(the pool closed it: Connection is closed)");
        assertThat(FailureText.repository(List.of(rollbackFailed, REFUSED), "db", null))
                .as("the server's own words, where a failure has them")
                .contains("the job repository's database cannot be reached (db): ConnectException: Connection refused");
        assertThat(FailureText.databaseUnreachable(new SQLException("Connection is closed")))
                .as("the same words from elsewhere")
                .isFalse();
    }

    @Test
    void theEmbeddedDatabasesDiskFullIsToldWithItsFile() {
        Exception refused = new IllegalStateException(
                "PreparedStatementCallback",
                new SQLException(
                        "General error: Writing to FileChannelImpl failed",
                        "HY000",
                        new IOException("No space left on device")));
        Exception closed = new SQLException("The database has been closed", "90098", refused.getCause());
        Path file = Path.of("/var/briefs/data/jobs.mv.db");
        String line = "the job repository's disk is full (No space left on device): its database file " + file
                + " could not be written; free space on that file system";

        assertThat(FailureText.repository(List.of(closed), "jdbc:h2:file:/var/briefs/data/jobs", file))
                .contains(line);
        assertThat(FailureText.repository(List.of(SHUT_DOWN, refused), "jdbc:h2:file:/var/briefs/data/jobs", file))
                .as("among other failures of the run")
                .contains(line);
        // The output folder's disk full is not the repository's: no SQL error in it.
        assertThat(FailureText.repository(
                        List.of(new UncheckedIOException(new IOException("No space left on device"))), "db", file))
                .isEmpty();
        // The output cache's refused write is the night's, never a model call to retry nor an article's failure.
        assertThat(ExpectedFailures.mayPass(refused)).isFalse();
        assertThat(ExpectedFailures.perArticle(refused)).isFalse();
    }

    @Test
    void itsLineNamesTheDatabaseAndTheCause() {
        assertThat(FailureText.databaseUnreachable(REFUSED, "jdbc:postgresql://db:5432/briefs"))
                .isEqualTo("the job repository's database cannot be reached (jdbc:postgresql://db:5432/briefs): "
                        + "ConnectException: Connection refused");
    }
}
