package dev.briefs.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Lets one process at a time migrate a PostgreSQL job repository. A manager and its workers start
 * together on one database, and Flyway's own lock does not cover deciding on a baseline: a second
 * process that sees the first one's fresh, still empty history table then fails to baseline. This
 * session-level advisory lock covers the whole migration, from looking at the tables to the last
 * script; PostgreSQL drops it if the process dies. The embedded H2 file serves one process, so
 * there is nothing to lock there.
 */
final class MigrationLock implements AutoCloseable {

    /** The namespace of the lock's two-integer key, apart from the job's own (dev.briefs.job.locks.AdvisoryLock): "brfm". */
    static final int NAMESPACE = 0x6272666d;

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits for the lock where the database is PostgreSQL; holds nothing elsewhere. */
    static MigrationLock take(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                c.close();
                return new MigrationLock(null);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?, 0)")) {
                s.setInt(1, NAMESPACE);
                s.execute();
            }
            return new MigrationLock(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try (connection;
                PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?, 0)")) {
            s.setInt(1, NAMESPACE);
            s.execute();
        }
    }
}
