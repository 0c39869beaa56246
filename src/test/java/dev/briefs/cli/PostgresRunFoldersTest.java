package dev.briefs.cli;

import dev.briefs.support.EmbeddedPostgresRepository;

/** The folder-memory regression with the job repository in a shared PostgreSQL. */
class PostgresRunFoldersTest extends RunFoldersTest {

    @Override
    String repository() {
        return EmbeddedPostgresRepository.jobFileLines();
    }
}
