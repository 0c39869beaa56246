package dev.briefs.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
    void itsLineNamesTheDatabaseAndTheCause() {
        assertThat(FailureText.databaseUnreachable(REFUSED, "jdbc:postgresql://db:5432/briefs"))
                .isEqualTo("the job repository's database cannot be reached (jdbc:postgresql://db:5432/briefs): "
                        + "ConnectException: Connection refused");
    }
}
