package dev.briefs.ledger;

import dev.briefs.brief.Failure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The failed-work ledger, a table in the job repository's database (H2 or PostgreSQL, the same
 * SQL for both). Each brief that is written reconciles its article's rows: failures it still has
 * are recorded (attempts added up), failures it no longer has are marked resolved. Writes join the
 * step's transaction, so the ledger and the job's restart state move together. The table is made by
 * the repository's migrations ({@link dev.briefs.schema.RepositorySchema}).
 */
public final class FailureLedger {

    static final String TABLE = "BRIEFS_FAILURE";
    /** MESSAGE's width in the migrations. */
    private static final int MAX_MESSAGE = 4000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FailureLedger(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** How many articles of the date have open failures: what the night's skip limit counts. */
    public int articlesWithOpenFailures(String date) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT ARTICLE_ID) FROM " + TABLE + " WHERE RUN_DATE = ? AND STATE = ?",
                Integer.class,
                date,
                LedgerEntry.OPEN);
        return n == null ? 0 : n;
    }

    /** Records what an article's latest processing left undone, and resolves what it did. */
    public void reconcile(String date, String articleId, String sourceFile, List<Failure> failures) {
        Timestamp now = Timestamp.from(clock.instant());
        Set<String> stillFailing = new HashSet<>();
        for (Failure f : failures) {
            String language = f.language() == null ? "" : f.language();
            stillFailing.add(key(f.stage(), language, f.chunkIndex()));
            String message = f.message() == null ? f.errorType() : truncate(f.message());
            int updated = jdbc.update(
                    "UPDATE " + TABLE + " SET ERROR_TYPE = ?, MESSAGE = ?, ATTEMPTS = ATTEMPTS + ?, "
                            + "LAST_SEEN = ?, STATE = ?, SOURCE_FILE = ? "
                            + "WHERE RUN_DATE = ? AND ARTICLE_ID = ? AND STAGE = ? AND LANGUAGE = ? AND CHUNK_INDEX = ?",
                    f.errorType(),
                    message,
                    f.attempts(),
                    now,
                    LedgerEntry.OPEN,
                    sourceFile,
                    date,
                    articleId,
                    f.stage(),
                    language,
                    f.chunkIndex());
            if (updated == 0) {
                jdbc.update(
                        "INSERT INTO " + TABLE + " (RUN_DATE, ARTICLE_ID, SOURCE_FILE, STAGE, LANGUAGE, CHUNK_INDEX, "
                                + "ERROR_TYPE, MESSAGE, ATTEMPTS, FIRST_SEEN, LAST_SEEN, STATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        date,
                        articleId,
                        sourceFile,
                        f.stage(),
                        language,
                        f.chunkIndex(),
                        f.errorType(),
                        message,
                        f.attempts(),
                        now,
                        now,
                        LedgerEntry.OPEN);
            }
        }
        for (LedgerEntry open : jdbc.query(
                "SELECT * FROM " + TABLE + " WHERE RUN_DATE = ? AND ARTICLE_ID = ? AND STATE = ?",
                FailureLedger::entry,
                date,
                articleId,
                LedgerEntry.OPEN)) {
            String language = open.language() == null ? "" : open.language();
            if (!stillFailing.contains(key(open.stage(), language, open.chunkIndex()))) {
                jdbc.update(
                        "UPDATE " + TABLE + " SET STATE = ?, LAST_SEEN = ? WHERE RUN_DATE = ? AND ARTICLE_ID = ? "
                                + "AND STAGE = ? AND LANGUAGE = ? AND CHUNK_INDEX = ?",
                        LedgerEntry.RESOLVED,
                        now,
                        date,
                        articleId,
                        open.stage(),
                        language,
                        open.chunkIndex());
            }
        }
    }

    public List<LedgerEntry> open(String date) {
        return jdbc.query(
                "SELECT * FROM " + TABLE + " WHERE RUN_DATE = ? AND STATE = ? "
                        + "ORDER BY ARTICLE_ID, STAGE, LANGUAGE, CHUNK_INDEX",
                FailureLedger::entry,
                date,
                LedgerEntry.OPEN);
    }

    public List<LedgerEntry> all(String date) {
        return jdbc.query(
                "SELECT * FROM " + TABLE + " WHERE RUN_DATE = ? ORDER BY ARTICLE_ID, STAGE, LANGUAGE, CHUNK_INDEX",
                FailureLedger::entry,
                date);
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        String language = rs.getString("LANGUAGE");
        return new LedgerEntry(
                rs.getString("RUN_DATE"),
                rs.getString("ARTICLE_ID"),
                rs.getString("SOURCE_FILE"),
                rs.getString("STAGE"),
                language.isEmpty() ? null : language,
                rs.getInt("CHUNK_INDEX"),
                rs.getString("ERROR_TYPE"),
                rs.getString("MESSAGE"),
                rs.getInt("ATTEMPTS"),
                instant(rs.getTimestamp("FIRST_SEEN")),
                instant(rs.getTimestamp("LAST_SEEN")),
                rs.getString("STATE"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String key(String stage, String language, int chunk) {
        return stage + "/" + language + "/" + chunk;
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
