package dev.briefs.job;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind the batch commands. It is started by the command line
 * ({@code dev.briefs.cli}) with the run's {@link JobSettings} already resolved, never on its own,
 * so that {@code --help} and usage errors answer without starting Spring.
 */
@SpringBootApplication
public class BriefsApplication {
}
