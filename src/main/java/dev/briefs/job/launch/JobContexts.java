package dev.briefs.job.launch;

import dev.briefs.failure.FailureText;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application of one command, in the role the command plays. */
public final class JobContexts {

    /**
     * How many partitions a worker process runs at once ({@code worker --threads}), as the context's
     * property: defined here, where the context is sized by it, so that {@code job} needs nothing of
     * {@code job.remote}.
     */
    public static final String WORKER_THREADS = "briefs.worker.threads";

    /** How long a thread waits for a connection to the job repository before its step fails, in milliseconds. */
    public static final long CONNECTION_TIMEOUT_MS = 5_000;

    /** A process's part in a run; see {@link NightlyJobConfiguration#ROLE}. */
    public enum Role {
        /** Partitions run as threads of this process. */
        LOCAL,
        /** Partitions are sent to workers over Kafka. */
        MANAGER,
        /** Takes partitions from Kafka; launches no job itself. */
        WORKER;

        static Role of(JobSettings settings) {
            return settings.kafka() == null ? LOCAL : MANAGER;
        }
    }

    private JobContexts() {}

    public static ConfigurableApplicationContext start(
            JobSettings settings,
            Role role,
            RunProgress progress,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> extras,
            boolean lazy,
            Map<String, Object> properties) {
        Map<String, Object> defaults = new LinkedHashMap<>(properties);
        // Job state lives in a file database beside the data, so a restart after a crash finds it, or in
        // the PostgreSQL database the job file or SPRING_DATASOURCE_URL names (see RepositorySettings).
        defaults.put("spring.datasource.url", settings.repository().url());
        if (settings.repository().username() != null) {
            defaults.put("spring.datasource.username", settings.repository().username());
        }
        defaults.put("spring.batch.jdbc.initialize-schema", "always");
        defaults.put("spring.batch.job.enabled", "false");
        defaults.put("spring.main.log-startup-info", "false");
        // Names the service in JSON log lines (ECS's service.name, GELF's host).
        defaults.put("spring.application.name", "briefs");
        defaults.put(NightlyJobConfiguration.ROLE, role.name().toLowerCase(Locale.ROOT));
        // A thread that briefs holds its chunk's connection and borrows a second, briefly, for the
        // output cache (see OutputCacheConfiguration): the pool must have two for each thread.
        Object workerThreads = properties.get(WORKER_THREADS);
        int threads = Math.max(settings.partitioning().partitions(), workerThreads instanceof Integer t ? t : 1);
        defaults.putIfAbsent("spring.datasource.hikari.maximum-pool-size", Math.max(10, 2 * threads + 4));
        // The job repository's database gone (a restart, a failover) fails the run: each of the steps'
        // and the job's last writes to it waits this long for a connection, not Hikari's 30 s, so that the
        // night ends in about a minute (see docs/operating.md, Faults). SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT
        // changes it.
        defaults.putIfAbsent("spring.datasource.hikari.connection-timeout", CONNECTION_TIMEOUT_MS);
        if (role == Role.WORKER) {
            // The worker's own shutdown logs how its partitions stopped; logging must outlive it.
            defaults.put("logging.register-shutdown-hook", "false");
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(BriefsApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .lazyInitialization(lazy)
                // A worker closes its context itself, after its partitions stopped (remote.WorkerRunner). A
                // launch's SIGTERM does not reach this hook while its job runs (GracefulStop): only at exit.
                .registerShutdownHook(role != Role.WORKER)
                .properties(defaults)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("jobSettings", settings);
                    ctx.getBeanFactory().registerSingleton("runProgress", progress);
                });
        extras.forEach(builder::initializers);
        try {
            return builder.run();
        } catch (RuntimeException e) {
            throw explained(e, settings);
        }
    }

    /**
     * {@code e} as the operator should read it: where it is the job repository's database gone or its disk full
     * (see {@link FailureText#repository}), a {@link RepositoryUnavailableException} with that line. The repository
     * is opened first, as a context starts (its migrations) or, in a lazy one, at its first use: such a failure
     * fails every command alike, and the bean that met it would only hide it.
     */
    static RuntimeException explained(RuntimeException e, JobSettings settings) {
        Optional<String> repository = FailureText.repository(
                List.of(e),
                settings.repository(),
                settings.repository().h2File().orElse(null));
        return repository.isPresent() ? new RepositoryUnavailableException(repository.get(), e) : e;
    }

    public static ConfigurableApplicationContext start(
            JobSettings settings,
            Role role,
            RunProgress progress,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> extras,
            boolean lazy) {
        return start(settings, role, progress, extras, lazy, Map.of());
    }
}
