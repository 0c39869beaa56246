package dev.briefs.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.schema.RepositorySchema;
import dev.briefs.support.EmbeddedPostgresRepository;
import dev.briefs.support.TinyModels;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The cache gives back the model's mean log-probability with its output, on H2 and on PostgreSQL;
 * a table made before the cache kept it gets the column (from the migrations), and an output kept without it is made
 * again (and then kept with it) rather than given back without a confidence.
 */
class OutputCacheConfidenceTest {

    private static final String TEXT = "The port reopened on Thursday after the storm.";
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private static Seq2SeqGenerator model;

    @BeforeAll
    static void load() {
        model = Seq2SeqGenerator.load(TinyModels.FIXTURES.resolve("tiny-marian-en-uk"), OnnxModelOptions.defaults());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The model, counting the inputs that reach it. */
    private static final class Counting extends ForwardingTextGenerator {
        final AtomicInteger calls = new AtomicInteger();

        Counting(TextGenerator delegate) {
            super(delegate);
        }

        @Override
        public Seq2SeqGenerator.Result generate(String text) {
            calls.incrementAndGet();
            return delegate.generate(text);
        }
    }

    private static DataSource database(String kind) {
        if (kind.equals("postgres")) {
            return new DriverManagerDataSource(EmbeddedPostgresRepository.newDatabase(), "postgres", "");
        }
        return new DriverManagerDataSource(
                "jdbc:h2:mem:cache" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static OutputCache cache(DataSource db, String kind) {
        RepositorySchema.migrate(db); // as each process's start does
        return new OutputCache(db, kind.equals("postgres"), CacheSettings.DEFAULTS, Clock.systemUTC());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theCacheGivesBackTheNumberItKept(String kind) {
        DataSource db = database(kind);
        Counting counting = new Counting(model);
        TextGenerator cached = CachingTextGenerator.wrap("opus-mt-en-uk", "files-1", counting, cache(db, kind));

        Seq2SeqGenerator.Result made = cached.generate(TEXT);
        assertThat(made.meanLogProb())
                .as("the model gives its mean log-probability")
                .isNegative()
                .isEqualTo(model.generate(TEXT).meanLogProb());
        Seq2SeqGenerator.Result kept = cached.generate(TEXT);
        assertThat(counting.calls)
                .as("the second call is answered by the cache")
                .hasValue(1);
        assertThat(kept.meanLogProb())
                .as("the number the cache kept, bit for bit")
                .isEqualTo(made.meanLogProb());
        assertThat(kept.outputIds()).containsExactly(made.outputIds());
        assertThat(kept.text()).isEqualTo(made.text());

        // another process, same database
        Counting other = new Counting(model);
        Seq2SeqGenerator.Result again = CachingTextGenerator.wrap("opus-mt-en-uk", "files-1", other, cache(db, kind))
                .generate(TEXT);
        assertThat(other.calls).hasValue(0);
        assertThat(again.meanLogProb()).isEqualTo(made.meanLogProb());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOutputKeptBeforeTheColumnExistedIsMadeAgain(String kind) {
        DataSource db = database(kind);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // the table as the cache made it before it kept the mean log-probability
        jdbc.execute("CREATE TABLE " + OutputCache.TABLE + " (CACHE_KEY CHAR(64) NOT NULL PRIMARY KEY, "
                + "MODEL VARCHAR(200) NOT NULL, OUTPUT_TEXT VARCHAR NOT NULL, INPUT_IDS VARCHAR NOT NULL, "
                + "OUTPUT_IDS VARCHAR NOT NULL, CREATED TIMESTAMP NOT NULL, HITS BIGINT NOT NULL, LAST_HIT TIMESTAMP)");
        OutputCache cache = cache(db, kind);
        RepositorySchema.migrate(db); // a second start finds the column there
        Counting counting = new Counting(model);
        TextGenerator cached = CachingTextGenerator.wrap("opus-mt-en-uk", "files-1", counting, cache);
        Seq2SeqGenerator.Result made = cached.generate(TEXT);

        // the row as an older version kept it: everything but the number
        assertThat(jdbc.update("UPDATE " + OutputCache.TABLE + " SET MEAN_LOG_PROB = NULL"))
                .isEqualTo(1);
        OutputCache.Use before = cache.use();
        Seq2SeqGenerator.Result remade = cached.generate(TEXT);
        assertThat(counting.calls)
                .as("kept without the number: a miss, the model runs again")
                .hasValue(2);
        assertThat(cache.use().misses()).isEqualTo(before.misses() + 1);
        assertThat(remade.meanLogProb()).isEqualTo(made.meanLogProb());

        Seq2SeqGenerator.Result kept = cached.generate(TEXT);
        assertThat(counting.calls).as("kept again, with the number this time").hasValue(2);
        assertThat(kept.meanLogProb()).isEqualTo(made.meanLogProb());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM " + OutputCache.TABLE + " WHERE MEAN_LOG_PROB IS NOT NULL",
                        Integer.class))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void batchesKeepEachRowsNumber(String kind) {
        TextGenerator cached =
                CachingTextGenerator.wrap("opus-mt-en-uk", "files-1", model, cache(database(kind), kind));
        List<String> texts = List.of(TEXT, "Schools open again on Monday.");
        List<Seq2SeqGenerator.Result> made = cached.generateBatch(texts, "en", "uk", 16);
        List<Seq2SeqGenerator.Result> kept = cached.generateBatch(texts, "en", "uk", 16);
        assertThat(made.get(0).meanLogProb()).isNotEqualTo(made.get(1).meanLogProb());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(kept.get(i).meanLogProb())
                    .as("row %d", i)
                    .isEqualTo(made.get(i).meanLogProb())
                    .isNegative();
        }
    }
}
