package dev.briefs.ledger;

import dev.briefs.brief.DayStories;
import dev.briefs.story.StoryMembership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day's stories as the stories step found them, in the job repository (H2 or PostgreSQL, the same SQL
 * for both): {@code BRIEFS_STORY}, one row an article, and {@code BRIEFS_STORY_DAY}, one row a date that says
 * the date's stories are complete, which job instance found them and what the grouping could not do. Both are
 * written in one transaction, the step's, so a date has all its rows or none: a restart, a later run and
 * {@code rerun-failed} read them and never group the day again, unless a forced run replaces them. The tables
 * are made by the repository's migrations ({@link dev.briefs.schema.RepositorySchema}).
 */
public final class StoryRecords {

    static final String TABLE = "BRIEFS_STORY";
    static final String DAY_TABLE = "BRIEFS_STORY_DAY";
    /** LEAD_REASON's and NOTES's width, and URL's, in the migrations. */
    private static final int MAX_TEXT = 4000;

    private static final int MAX_URL = 8192;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public StoryRecords(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The day's stories as recorded; empty when no stories were recorded for the date. */
    public record Recorded(long jobInstance, DayStories stories) {}

    public Optional<Recorded> read(String date) {
        List<Recorded> day = jdbc.query(
                "SELECT JOB_INSTANCE, NOTES FROM " + DAY_TABLE + " WHERE RUN_DATE = ?",
                (rs, row) -> new Recorded(
                        rs.getLong("JOB_INSTANCE"), DayStories.recorded(List.of(), notes(rs.getString("NOTES")))),
                date);
        if (day.isEmpty()) {
            return Optional.empty();
        }
        List<StoryMembership> rows = jdbc.query(
                "SELECT * FROM " + TABLE + " WHERE RUN_DATE = ? ORDER BY ARTICLE_ID", StoryRecords::membership, date);
        Recorded found = day.get(0);
        return Optional.of(new Recorded(
                found.jobInstance(), DayStories.recorded(rows, found.stories().notes())));
    }

    /** Replaces the date's stories with these, found by {@code jobInstance}; in the caller's transaction. */
    public void replace(String date, List<StoryMembership> rows, List<String> notes, long jobInstance) {
        delete(date);
        jdbc.batchUpdate(
                "INSERT INTO " + TABLE + " (RUN_DATE, ARTICLE_ID, STORY_ID, IS_LEAD, LEAD_REASON, SIMILARITY, "
                        + "MODEL, LANGUAGE, OUTLET, URL, SOURCE_FILE, LEAD_RANK) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream()
                        .map(m -> new Object[] {
                            date,
                            m.articleId(),
                            m.storyId(),
                            m.lead(),
                            truncate(m.leadReason()),
                            m.similarity(),
                            m.model(),
                            m.language(),
                            m.outlet(),
                            // A link too long to keep whole is left out rather than kept broken.
                            m.url() != null && m.url().length() <= MAX_URL ? m.url() : null,
                            m.sourceFile(),
                            m.rank()
                        })
                        .toList());
        jdbc.update(
                "INSERT INTO " + DAY_TABLE
                        + " (RUN_DATE, JOB_INSTANCE, ARTICLES, NOTES, FOUND_AT) VALUES (?, ?, ?, ?, ?)",
                date,
                jobInstance,
                rows.size(),
                truncate(String.join("\n", notes)),
                Timestamp.from(clock.instant()));
    }

    /** Forgets the date's stories: its articles are then each a story of their own. */
    public void delete(String date) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE RUN_DATE = ?", date);
        jdbc.update("DELETE FROM " + DAY_TABLE + " WHERE RUN_DATE = ?", date);
    }

    private static StoryMembership membership(ResultSet rs, int row) throws SQLException {
        return new StoryMembership(
                rs.getString("ARTICLE_ID"),
                rs.getString("STORY_ID"),
                rs.getBoolean("IS_LEAD"),
                rs.getString("LEAD_REASON"),
                rs.getDouble("SIMILARITY"),
                rs.getString("MODEL"),
                rs.getString("LANGUAGE"),
                rs.getString("OUTLET"),
                rs.getString("URL"),
                rs.getString("SOURCE_FILE"),
                rank(rs));
    }

    /** A row recorded before ranks were: the lead first, the others after it (then by id, as rows are read). */
    private static int rank(ResultSet rs) throws SQLException {
        int rank = rs.getInt("LEAD_RANK");
        return rs.wasNull() ? (rs.getBoolean("IS_LEAD") ? 0 : Integer.MAX_VALUE) : rank;
    }

    private static List<String> notes(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
