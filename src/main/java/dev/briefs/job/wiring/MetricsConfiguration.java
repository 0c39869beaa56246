package dev.briefs.job.wiring;

import dev.briefs.brief.BriefCounters;
import dev.briefs.brief.StageTimers;
import dev.briefs.metrics.JobMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The run's meters: one registry that the stage timers, the brief counters, the model retries,
 * the ONNX graph timers and Spring Batch's own job, step and item observations all record into,
 * so that {@code --metrics-file} writes them together at the end.
 *
 * <p>Spring Batch 6 measures through Micrometer observations: Spring Boot's batch observation
 * configuration hands this context's {@link ObservationRegistry} to every job, step and the job
 * operator, and the meter handler turns each observation into a timer on the registry.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** Closed with the context, after {@code job.launch.JobRunner} has written the metrics file. */
    @Bean
    JobMeters jobMeters() {
        return new JobMeters();
    }

    /** The registry itself is closed by {@link JobMeters}. */
    @Bean(destroyMethod = "")
    MeterRegistry meterRegistry(JobMeters meters) {
        return meters.registry();
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry registry) {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
        return observations;
    }

    /** Time per stage, for the run's report and the metrics file. */
    @Bean
    StageTimers stageTimers(MeterRegistry registry) {
        return new StageTimers(registry);
    }

    @Bean
    BriefCounters briefCounters(MeterRegistry registry) {
        return new BriefCounters(registry);
    }
}
