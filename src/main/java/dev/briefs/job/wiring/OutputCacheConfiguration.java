package dev.briefs.job.wiring;

import dev.briefs.cache.CacheSettings;
import dev.briefs.cache.OutputCache;
import dev.briefs.job.settings.RepositorySettings;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The model output cache, in the job repository's database: shared by every process of a
 * scaled-out run, and outliving each run. Outputs past the job file's age limit are deleted when a
 * run starts ({@code dev.briefs.job.launch.DateRun}), not by every process that opens the cache: a
 * {@code status} only reads.
 */
@Configuration(proxyBeanMethods = false)
public class OutputCacheConfiguration {

    /*
     * The cache reads and writes on connections of its own, each statement its own transaction,
     * rather than in the chunk's transaction: a chunk holds its transaction through minutes of
     * model work, and two partitions keeping the same output (the same article in two files) would
     * otherwise wait on each other's row locks, or deadlock. A wrapper of the pool is another
     * resource to Spring's transaction synchronisation, so it is never given the chunk's connection.
     */
    /* Its table is made by the repository's migrations (RepositorySchemaConfiguration), which run first. */
    /*
     * The ages of outputs are told by the system clock, or by a Clock bean where a context has one: a test of
     * a week of nights sets each night's day, and the real pruning then runs as it would on that day.
     */
    @Bean
    @DependsOnDatabaseInitialization
    OutputCache outputCache(
            DataSource dataSource, RepositorySettings repository, CacheSettings settings, ObjectProvider<Clock> clock) {
        return new OutputCache(
                new DelegatingDataSource(dataSource),
                repository.postgres(),
                settings,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
