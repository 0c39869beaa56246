package dev.briefs.job.wiring;

import dev.briefs.schema.RepositorySchema;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's Flyway migrates the job repository as every command's context starts (the night,
 * {@code rerun-failed}, {@code status}, workers), the way {@link RepositorySchema} says. Beans that
 * read the project's tables are marked {@code @DependsOnDatabaseInitialization}, so the migration
 * runs before them, even in a lazily started context.
 */
@Configuration(proxyBeanMethods = false)
public class RepositorySchemaConfiguration {

    @Bean
    FlywayMigrationStrategy repositorySchema() {
        return RepositorySchema::migrate;
    }
}
