package dev.briefs.job.locks;

import dev.briefs.job.settings.RepositorySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A session-level PostgreSQL advisory lock, held on a connection of its own for as long as the
 * work it guards lasts. PostgreSQL drops it when that session ends, so a process that dies
 * (kill -9, a lost machine, once TCP keepalive notices) never leaves it behind, and a process that
 * gets the lock knows that the earlier holder is gone. That is what makes recovering a run, or a
 * partition, in a shared job repository safe: its owner is provably gone.
 *
 * <p>Keys are two integers: a namespace for what is locked (a date's run, a partition) and the
 * thing's number (the date's epoch day, the step execution's id).
 */
public final class AdvisoryLock implements RunLock {

    /** A date's run: "brfs". */
    public static final int RUN = 0x62726673;
    /** A partition's step execution, while a worker runs it: "brfp". */
    public static final int PARTITION = 0x62726670;

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** @return the lock, or {@code null} when another session holds it */
    public static AdvisoryLock tryAcquire(RepositorySettings repository, int namespace, long key, String what)
            throws IOException {
        Connection connection = null;
        try {
            connection = connect(repository, "briefs " + ProcessHandle.current().pid() + "@" + host() + " " + what);
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                s.setInt(1, namespace);
                s.setInt(2, Math.toIntExact(key));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return new AdvisoryLock(connection);
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IOException(
                    "cannot take the lock of " + what + " in the job database " + repository + ": " + e.getMessage(),
                    e);
        }
    }

    /** The holder as the database sees it: its name, address and since when. */
    public static String holder(RepositorySettings repository, int namespace, long key) {
        try (Connection c = connect(repository, "briefs holder query");
                PreparedStatement s = c.prepareStatement(
                        "SELECT a.application_name, a.client_addr, a.backend_start "
                                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 2")) {
            // pg_locks shows the keys as unsigned oids.
            s.setLong(1, Integer.toUnsignedLong(namespace));
            s.setLong(2, Integer.toUnsignedLong(Math.toIntExact(key)));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return "a process that has just finished";
                }
                return "'" + r.getString(1) + "' from " + (r.getString(2) == null ? "a local socket" : r.getString(2))
                        + " since " + r.getTimestamp(3).toInstant();
            }
        } catch (SQLException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    private static Connection connect(RepositorySettings repository, String applicationName) throws SQLException {
        Properties p = new Properties();
        if (repository.username() != null) {
            p.setProperty("user", repository.username());
        }
        if (repository.password() != null) {
            p.setProperty("password", repository.password());
        }
        // PostgreSQL keeps 63 bytes of it; keepalive lets the server notice a vanished machine.
        p.setProperty(
                "ApplicationName", applicationName.length() > 63 ? applicationName.substring(0, 63) : applicationName);
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(repository.url(), p);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection failed already; the first error is the one to report
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException("cannot release the lock: " + e.getMessage(), e);
        }
    }
}
