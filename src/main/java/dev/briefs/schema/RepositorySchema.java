package dev.briefs.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The project's own tables in the job repository (failure ledger, stories, output cache) are made
 * and changed by the Flyway migrations in {@value #LOCATION}; Spring Batch's tables stay Spring
 * Boot's. This is the one way the schema is made: the Spring context migrates Boot's Flyway with it
 * (see {@code dev.briefs.job.wiring.RepositorySchemaConfiguration}), and code that opens a database
 * outside Spring calls {@link #migrate(DataSource)}.
 *
 * <p>A database without Flyway's history is taken over as it is. One that holds the whole schema of
 * the release before Flyway is baselined at version 1: its tables are V1's, so V1 is not run and
 * no row is touched. Any other (new, or holding only Spring Batch's tables, or an older release's
 * part of the schema) is baselined at version 0 where it is not empty, and V1 then makes what is
 * missing. Flyway's baseline alone would not do: it looks only at whether the schema is empty, and
 * Spring Batch's tables may be there before ours.
 */
public final class RepositorySchema {

    public static final String LOCATION = "classpath:db/migration";
    /** The tables and columns of the release before Flyway: a database with all of them is V1 already. */
    static final Map<String, List<String>> RELEASE_SCHEMA = Map.of(
            "BRIEFS_FAILURE", List.of("STATE"),
            "BRIEFS_STORY", List.of("LEAD_RANK"),
            "BRIEFS_STORY_DAY", List.of("FOUND_AT"),
            "BRIEFS_OUTPUT_CACHE", List.of("MEAN_LOG_PROB"));

    static final String TAKEN_OVER = "briefs schema of the release before Flyway";
    static final String NOT_EMPTY = "before the briefs tables";

    private RepositorySchema() {}

    /** Migrates the database to the newest version; what Spring's start does, for code outside it. */
    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(Flyway.configure().dataSource(dataSource));
    }

    /** Migrates with Spring Boot's Flyway (its data source and settings), taken over as this class says. */
    public static MigrateResult migrate(Flyway boots) {
        return migrate(
                Flyway.configure(boots.getConfiguration().getClassLoader()).configuration(boots.getConfiguration()));
    }

    /* The tables are looked at under the lock: another process may be making them at the same moment. */
    private static MigrateResult migrate(FluentConfiguration configuration) {
        try (MigrationLock lock = MigrationLock.take(configuration.getDataSource())) {
            return takeOver(configuration).load().migrate();
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot lock the job repository to migrate it", e);
        }
    }

    /** Sets where the migrations are and how a database without Flyway's history is taken over. */
    static FluentConfiguration takeOver(FluentConfiguration configuration) {
        boolean release = holdsReleaseSchema(configuration.getDataSource());
        return configuration
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion(release ? "1" : "0")
                .baselineDescription(release ? TAKEN_OVER : NOT_EMPTY);
    }

    /** Whether every table and column the release before Flyway made is in the connection's schema. */
    static boolean holdsReleaseSchema(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (Map.Entry<String, List<String>> table : RELEASE_SCHEMA.entrySet()) {
                for (String column : table.getValue()) {
                    if (!hasColumn(meta, c.getSchema(), table.getKey(), column)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot read the job repository's tables", e);
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case: both spellings are asked. */
    private static boolean hasColumn(DatabaseMetaData meta, String schema, String table, String column)
            throws SQLException {
        for (boolean upper : new boolean[] {true, false}) {
            try (ResultSet r = meta.getColumns(
                    null, schema, pattern(meta, spelled(table, upper)), pattern(meta, spelled(column, upper)))) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name as a metadata pattern: its underscores are letters, not wildcards. */
    private static String pattern(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String spelled(String name, boolean upper) {
        return upper ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }
}
