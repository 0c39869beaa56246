package dev.briefs.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Failure;
import dev.briefs.schema.RepositorySchema;
import dev.briefs.support.EmbeddedPostgresRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A manager and its workers start together against one PostgreSQL database, and each migrates the
 * repository's schema (the ledger's table among it) on start. None of them may fail because another
 * migrated it at the same moment.
 */
class SharedLedgerSchemaTest {

    private static final int PROCESSES = 8;
    private static final int ROUNDS = 5;

    @Test
    void processesStartingTogetherOnOneDatabaseAllGetTheLedger() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String url = EmbeddedPostgresRepository.newDatabase();
                CyclicBarrier together = new CyclicBarrier(PROCESSES);
                List<Future<?>> starts = new ArrayList<>();
                for (int p = 0; p < PROCESSES; p++) {
                    // A data source each, as separate processes would have: separate connections.
                    DataSource own = new DriverManagerDataSource(url, "postgres", "");
                    starts.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        RepositorySchema.migrate(own);
                        return null;
                    }));
                }
                for (Future<?> start : starts) {
                    start.get(60, TimeUnit.SECONDS);
                }
                FailureLedger ledger =
                        new FailureLedger(new DriverManagerDataSource(url, "postgres", ""), Clock.systemUTC());
                ledger.reconcile(
                        "2026-11-27",
                        "a1",
                        "a1.txt",
                        List.of(new Failure(Failure.SUMMARISE, "en", 0, "ModelTimeout", "timed out", 1)));
                assertThat(ledger.open("2026-11-27"))
                        .singleElement()
                        .satisfies(e -> assertThat(e.articleId()).isEqualTo("a1"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
