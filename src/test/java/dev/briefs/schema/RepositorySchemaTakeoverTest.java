package dev.briefs.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Failure;
import dev.briefs.cache.CacheSettings;
import dev.briefs.cache.OutputCache;
import dev.briefs.job.wiring.RepositorySchemaConfiguration;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.LedgerEntry;
import dev.briefs.ledger.StoryRecords;
import dev.briefs.story.StoryMembership;
import dev.briefs.support.EmbeddedPostgresRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Flyway takes over a job repository as the release before it left it, on H2 and on PostgreSQL:
 * nothing is lost, V1 is not run on it, and the code reads and writes its rows. A new database gets
 * V1. The migration runs as every command's start runs it: Spring Boot's Flyway, with the
 * project's {@link RepositorySchemaConfiguration}.
 */
class RepositorySchemaTakeoverTest {

    private static final String DATE = "2026-11-27";
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private record Database(String url, DataSource dataSource, boolean postgres) {}

    private static Database database(String kind) {
        String url = kind.equals("postgres")
                ? EmbeddedPostgresRepository.newDatabase()
                : "jdbc:h2:mem:takeover" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        String user = kind.equals("postgres") ? "postgres" : "sa";
        return new Database(url, new DriverManagerDataSource(url, user, ""), kind.equals("postgres"));
    }

    /** Spring Batch's tables and ours, as a database the release before Flyway ran on looks. */
    private static void releaseSchema(Database db) {
        new ResourceDatabasePopulator(
                        new ClassPathResource("org/springframework/batch/core/schema-"
                                + (db.postgres() ? "postgresql" : "h2") + ".sql"),
                        new ClassPathResource("db/release-schema.sql"))
                .execute(db.dataSource());
    }

    /** Starts what each command's context starts of the database: the data source, then Flyway. */
    private static void startAsTheJobDoes(Database db) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(RepositoryOnly.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + (db.postgres() ? "postgres" : "sa"),
                        "spring.main.banner-mode=off")
                .run()) {
            // Flyway migrates while the context starts.
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    @Import(RepositorySchemaConfiguration.class)
    static class RepositoryOnly {}

    private static List<MigrationInfo> history(Database db) {
        return List.of(Flyway.configure()
                .dataSource(db.dataSource())
                .locations(RepositorySchema.LOCATION)
                .load()
                .info()
                .applied());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDatabaseOfTheReleaseBeforeFlywayIsTakenOverWithItsRows(String kind) {
        Database db = database(kind);
        releaseSchema(db);
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        Timestamp now = Timestamp.from(Instant.now());
        // One row a table, as the release wrote them.
        jdbc.update(
                "INSERT INTO BRIEFS_FAILURE VALUES (?, 'a1', 'a1.txt', 'summarise', 'en', 0, 'ModelTimeout', "
                        + "'timed out', 1, ?, ?, 'open')",
                DATE,
                now,
                now);
        jdbc.update(
                "INSERT INTO BRIEFS_STORY VALUES (?, 'a1', 's1', TRUE, 'longest', 1.0, 'minilm', 'en', "
                        + "'Harbour News', 'https://example.org/a1', 'a1.txt', 0)",
                DATE);
        jdbc.update("INSERT INTO BRIEFS_STORY_DAY VALUES (?, 7, 1, '', ?)", DATE, now);
        jdbc.update(
                "INSERT INTO BRIEFS_OUTPUT_CACHE VALUES (?, 'opus-mt-en-uk', 'Порт відкрили.', '1 2', '3 4', -0.25, ?, 2, ?)",
                "k".repeat(64),
                now,
                now);

        startAsTheJobDoes(db);

        assertThat(history(db))
                .as("baselined at 1: V1 is the schema already there, and is not run")
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.getType()).isEqualTo(CoreMigrationType.BASELINE);
                    assertThat(m.getVersion().getVersion()).isEqualTo("1");
                    assertThat(m.getDescription()).isEqualTo(RepositorySchema.TAKEN_OVER);
                });
        FailureLedger ledger = new FailureLedger(db.dataSource(), Clock.systemUTC());
        assertThat(ledger.open(DATE)).singleElement().satisfies(e -> {
            assertThat(e.articleId()).isEqualTo("a1");
            assertThat(e.message()).isEqualTo("timed out");
        });
        StoryRecords stories = new StoryRecords(db.dataSource(), Clock.systemUTC());
        assertThat(stories.read(DATE)).hasValueSatisfying(r -> {
            assertThat(r.jobInstance()).isEqualTo(7);
            assertThat(r.stories().memberships())
                    .singleElement()
                    .satisfies(m -> assertThat(m.url()).isEqualTo("https://example.org/a1"));
        });
        OutputCache cache = new OutputCache(db.dataSource(), db.postgres(), CacheSettings.DEFAULTS, Clock.systemUTC());
        assertThat(cache.totals())
                .isEqualTo(new OutputCache.Totals(
                        1, 2, CacheSettings.DEFAULTS.maxAge().toDays()));

        // The code writes to the tables it took over.
        ledger.reconcile(DATE, "a1", "a1.txt", List.of());
        assertThat(ledger.all(DATE))
                .singleElement()
                .extracting(LedgerEntry::state)
                .isEqualTo(LedgerEntry.RESOLVED);
        stories.replace(
                DATE,
                List.of(new StoryMembership("a2", "s2", true, "only", 1.0, null, "uk", null, null, "a2.txt", 0)),
                List.of("redone"),
                8);
        assertThat(stories.read(DATE))
                .hasValueSatisfying(r -> assertThat(r.jobInstance()).isEqualTo(8));

        startAsTheJobDoes(db);
        assertThat(history(db)).as("a second start has nothing to do").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNewDatabaseGetsV1(String kind) {
        Database db = database(kind);

        startAsTheJobDoes(db);

        assertThat(history(db)).singleElement().satisfies(m -> {
            assertThat(m.getType()).isEqualTo(CoreMigrationType.SQL);
            assertThat(m.getVersion().getVersion()).isEqualTo("1");
            assertThat(m.getState().isFailed()).isFalse();
        });
        FailureLedger ledger = new FailureLedger(db.dataSource(), Clock.systemUTC());
        ledger.reconcile(
                DATE, "a1", "a1.txt", List.of(new Failure(Failure.SUMMARISE, "en", 0, "ModelTimeout", "timed out", 1)));
        assertThat(ledger.open(DATE))
                .singleElement()
                .extracting(LedgerEntry::articleId)
                .isEqualTo("a1");
        assertThat(new StoryRecords(db.dataSource(), Clock.systemUTC()).read(DATE))
                .isEmpty();
        assertThat(new OutputCache(db.dataSource(), db.postgres(), CacheSettings.DEFAULTS, Clock.systemUTC())
                        .totals()
                        .outputs())
                .isZero();
    }

    /**
     * Spring Batch's tables may be made before ours (Boot orders neither first), so a new database is
     * not always empty when Flyway looks: it is baselined below V1, and V1 runs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDatabaseWithOnlySpringBatchsTablesGetsV1(String kind) {
        Database db = database(kind);
        new ResourceDatabasePopulator(new ClassPathResource(
                        "org/springframework/batch/core/schema-" + (db.postgres() ? "postgresql" : "h2") + ".sql"))
                .execute(db.dataSource());

        startAsTheJobDoes(db);

        assertThat(history(db))
                .extracting(m -> m.getType(), m -> m.getVersion().getVersion())
                .containsExactly(Tuple.tuple(CoreMigrationType.BASELINE, "0"), Tuple.tuple(CoreMigrationType.SQL, "1"));
        assertThat(new FailureLedger(db.dataSource(), Clock.systemUTC()).open(DATE))
                .isEmpty();
    }

    /**
     * A database of an older release has only part of the schema (no output cache, no story rank): it is
     * not V1, so V1 runs on it and adds only what is missing; the rows it had stay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOlderReleasesPartOfTheSchemaGetsTheRest(String kind) {
        Database db = database(kind);
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        new ResourceDatabasePopulator(new ClassPathResource("db/release-schema.sql")).execute(db.dataSource());
        jdbc.execute("DROP TABLE BRIEFS_OUTPUT_CACHE");
        jdbc.execute("ALTER TABLE BRIEFS_STORY DROP COLUMN LEAD_RANK");
        jdbc.update(
                "INSERT INTO BRIEFS_STORY VALUES (?, 'a1', 's1', TRUE, 'longest', 1.0, NULL, 'en', NULL, NULL, 'a1.txt')",
                DATE);
        jdbc.update("INSERT INTO BRIEFS_STORY_DAY VALUES (?, 7, 1, '', ?)", DATE, Timestamp.from(Instant.now()));

        startAsTheJobDoes(db);

        assertThat(history(db))
                .extracting(MigrationInfo::getType)
                .containsExactly(CoreMigrationType.BASELINE, CoreMigrationType.SQL);
        assertThat(new StoryRecords(db.dataSource(), Clock.systemUTC()).read(DATE))
                .hasValueSatisfying(r -> assertThat(r.stories().memberships())
                        .singleElement()
                        .satisfies(m -> assertThat(m.rank())
                                .as("no rank kept: the lead first")
                                .isZero()));
        assertThat(new OutputCache(db.dataSource(), db.postgres(), CacheSettings.DEFAULTS, Clock.systemUTC())
                        .totals()
                        .outputs())
                .isZero();
    }
}
