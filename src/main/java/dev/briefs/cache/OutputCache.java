package dev.briefs.cache;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Model outputs kept in the job repository's database, by a key that holds everything that decides
 * the output (see {@link CachingTextGenerator}): a rerun, a forced run or an article that arrives
 * twice costs no model call for what did not change, on this machine or any other sharing the
 * database. Each statement is a transaction of its own (the data source given should not take part
 * in the job's transactions): an output is right whatever becomes of the chunk that made it, and
 * no lock is held while a model works. Its table is made by the repository's migrations
 * ({@link dev.briefs.schema.RepositorySchema}). Thread-safe.
 */
public final class OutputCache {

    static final String TABLE = "BRIEFS_OUTPUT_CACHE";
    /** Keys per lookup statement: a batch of model inputs is looked up at once. */
    private static final int IN_LIST = 100;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final CacheSettings settings;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    @SuppressWarnings("ThreadLocalUsage") // one per cache: the threads of a context share it
    private final ThreadLocal<Boolean> readingPlan = ThreadLocal.withInitial(() -> false);

    public OutputCache(DataSource dataSource, boolean postgres, CacheSettings settings, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = postgres;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Deletes the outputs past the age limit; returns how many. */
    public int prune() {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE CREATED < ?", Timestamp.from(oldestKept()));
    }

    private Instant oldestKept() {
        return clock.instant().minus(settings.maxAge());
    }

    /**
     * The outputs kept for the keys, within the age limit; each found counts as a hit. An output
     * kept without its mean log-probability (before the cache kept it) is not found: the model
     * makes it again, and {@link #store} replaces it.
     */
    Map<String, CachedOutput> lookup(Collection<String> keys) {
        Map<String, CachedOutput> found = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            List<Object> args = new ArrayList<>(part);
            args.add(Timestamp.from(oldestKept()));
            jdbc.query(
                    "SELECT CACHE_KEY, OUTPUT_TEXT, INPUT_IDS, OUTPUT_IDS, MEAN_LOG_PROB FROM " + TABLE
                            + " WHERE CACHE_KEY IN (" + String.join(", ", Collections.nCopies(part.size(), "?"))
                            + ") AND CREATED >= ? AND MEAN_LOG_PROB IS NOT NULL",
                    rs -> {
                        found.put(
                                rs.getString(1).strip(),
                                new CachedOutput(
                                        rs.getString(2),
                                        CachedOutput.longIds(rs.getString(3)),
                                        CachedOutput.intIds(rs.getString(4)),
                                        rs.getDouble(5)));
                    },
                    args.toArray());
        }
        boolean readBack = readingPlan.get();
        if (!found.isEmpty() && !readBack) {
            Timestamp now = Timestamp.from(clock.instant());
            // In key order: two threads that found the same outputs (two partitions planning the same articles at
            // once) lock their rows in the same order, and so never each wait for the other (H2 and PostgreSQL
            // report that deadlock and roll one back, which would fail the night).
            jdbc.batchUpdate(
                    "UPDATE " + TABLE + " SET HITS = HITS + 1, LAST_HIT = ? WHERE CACHE_KEY = ?",
                    found.keySet().stream()
                            .sorted()
                            .map(k -> new Object[] {now, k})
                            .toList());
        }
        if (!readBack) {
            hits.addAndGet(found.size());
        }
        misses.addAndGet(keys.size() - found.size());
        return found;
    }

    /**
     * Keeps an output; one kept already under the key (another thread, another machine) stays,
     * unless it was kept without its mean log-probability.
     */
    void store(String key, String model, CachedOutput output) {
        Timestamp now = Timestamp.from(clock.instant());
        String ids = CachedOutput.ids(output.inputIds());
        String out = CachedOutput.ids(output.outputIds());
        if (postgres) {
            // A failed statement aborts a PostgreSQL transaction, so a duplicate must not fail.
            jdbc.update(
                    "INSERT INTO " + TABLE + " (CACHE_KEY, MODEL, OUTPUT_TEXT, INPUT_IDS, OUTPUT_IDS, MEAN_LOG_PROB, "
                            + "CREATED, HITS) VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (CACHE_KEY) DO UPDATE SET "
                            + "MODEL = EXCLUDED.MODEL, OUTPUT_TEXT = EXCLUDED.OUTPUT_TEXT, INPUT_IDS = EXCLUDED.INPUT_IDS, "
                            + "OUTPUT_IDS = EXCLUDED.OUTPUT_IDS, MEAN_LOG_PROB = EXCLUDED.MEAN_LOG_PROB, CREATED = EXCLUDED.CREATED "
                            + "WHERE " + TABLE + ".MEAN_LOG_PROB IS NULL",
                    key,
                    model,
                    output.text(),
                    ids,
                    out,
                    output.meanLogProb(),
                    now);
        } else {
            try {
                jdbc.update(
                        "MERGE INTO " + TABLE
                                + " (CACHE_KEY, MODEL, OUTPUT_TEXT, INPUT_IDS, OUTPUT_IDS, MEAN_LOG_PROB, "
                                + "CREATED, HITS) KEY (CACHE_KEY) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                        key,
                        model,
                        output.text(),
                        ids,
                        out,
                        output.meanLogProb(),
                        now);
            } catch (DuplicateKeyException keptMeanwhile) {
                // Another thread kept the same output between H2's check and its insert: it is there.
            }
        }
    }

    /**
     * Until closed, this thread's lookups read back what the night's planning step made ahead: an output found was
     * counted (a hit or a miss) when the planning step looked it up, so it counts neither as a hit nor in the
     * table's hits again. An output not found is a miss, made by the model, as anywhere.
     */
    public PlanReading readingPlan() {
        readingPlan.set(true);
        return readingPlan::remove;
    }

    /** The scope of {@link #readingPlan}. */
    public interface PlanReading extends AutoCloseable {

        /** Outside any plan: lookups count as they always do. */
        PlanReading NONE = () -> {};

        @Override
        void close();
    }

    /**
     * This process's lookups since it started: outputs found, and outputs a model had to make; the brief step's
     * reading back of the planning step's outputs is not counted again ({@link #readingPlan}).
     */
    public Use use() {
        return new Use(hits.get(), misses.get());
    }

    /** What the database holds: outputs kept within the age limit, and the hits they have had. */
    public Totals totals() {
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(HITS), 0) FROM " + TABLE + " WHERE CREATED >= ?",
                (rs, n) -> new Totals(
                        rs.getLong(1), rs.getLong(2), settings.maxAge().toDays()),
                Timestamp.from(oldestKept()));
    }

    public record Use(long hits, long misses) {}

    public record Totals(long outputs, long hits, long maxAgeDays) {}
}
