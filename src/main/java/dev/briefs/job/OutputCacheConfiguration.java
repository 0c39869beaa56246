package dev.briefs.job;

import dev.briefs.cache.OutputCache;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model output cache, in the job repository's database: shared by every process of a
 * scaled-out run, and outliving each run. Outputs past the job file's age limit are deleted as a
 * process starts.
 */
@Configuration(proxyBeanMethods = false)
public class OutputCacheConfiguration {

    @Bean
    OutputCache outputCache(DataSource dataSource, JobSettings settings) {
        OutputCache cache = new OutputCache(dataSource, settings.repository().postgres(), settings.cache(), Clock.systemUTC());
        cache.createSchema();
        if (cache.enabled()) {
            cache.prune();
        }
        return cache;
    }
}
