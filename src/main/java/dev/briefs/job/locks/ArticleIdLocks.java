package dev.briefs.job.locks;

import dev.briefs.job.settings.RepositorySettings;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two files of a day may claim one article id, and their partitions may run in different
 * processes on different machines. Before a chunk's briefs are claimed and written, the writer
 * takes a lock on each of their ids that lasts until the chunk's transaction ends, so the second
 * claimant of an id sees the first one's brief. With a shared PostgreSQL repository these are
 * transaction-level advisory locks, taken in sorted order so two chunks cannot deadlock; the
 * embedded H2 repository serves one process, whose threads {@link BriefFileWriter} serialises itself.
 */
public final class ArticleIdLocks {

    /** The first advisory-lock key for article ids, apart from those of {@link AdvisoryLock}. */
    static final int NAMESPACE = 0x62726669;

    private final JdbcTemplate jdbc;

    private ArticleIdLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static ArticleIdLocks forRepository(DataSource dataSource, RepositorySettings repository) {
        return new ArticleIdLocks(repository.postgres() ? new JdbcTemplate(dataSource) : null);
    }

    /** Locks the ids of one chunk of briefs of a date until the current transaction ends. */
    public void lockUntilCommit(String date, Collection<String> ids) {
        if (jdbc == null) {
            return;
        }
        List<String> sorted = ids.stream().distinct().sorted().toList();
        for (String id : sorted) {
            jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, NAMESPACE, date + "/" + id);
        }
    }
}
