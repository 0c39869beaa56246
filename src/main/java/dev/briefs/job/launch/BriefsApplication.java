package dev.briefs.job.launch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind the batch commands. It is started by the command line
 * ({@code dev.briefs.cli}) through {@link JobContexts}, with the run's settings already resolved, never on its
 * own, so that {@code --help} and usage errors answer without starting Spring. It scans every room of the job:
 * which configurations apply is decided by the process's role ({@code briefs.role}), not by what is scanned.
 */
@SpringBootApplication(scanBasePackages = "dev.briefs.job")
public class BriefsApplication {}
