package dev.briefs.job.wiring;

import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.StoryBook;
import dev.briefs.ledger.StoryRecords;
import dev.briefs.story.StorySettings;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the job keeps in its repository besides Spring Batch's own tables: the failure ledger and the day's
 * stories. Their tables are made by the repository's migrations ({@link RepositorySchemaConfiguration}), which
 * run before any bean marked {@code @DependsOnDatabaseInitialization}.
 */
@Configuration(proxyBeanMethods = false)
public class RecordsConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    FailureLedger failureLedger(DataSource dataSource) {
        return new FailureLedger(dataSource, Clock.systemUTC());
    }

    @Bean
    @DependsOnDatabaseInitialization
    StoryRecords storyRecords(DataSource dataSource) {
        return new StoryRecords(dataSource, Clock.systemUTC());
    }

    /** The job file's switch is this process's: a remote worker writes with its own job file, the same one. */
    @Bean
    StoryBook storyBook(StoryRecords records, StorySettings stories) {
        return new StoryBook(records, stories.enabled());
    }
}
