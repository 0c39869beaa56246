package dev.briefs.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The one Micrometer registry a run's meters go to, and the two views of it a metrics file is
 * written from: the meters' values as Micrometer reads them, and Prometheus' text format.
 *
 * <p>Both registries are children of one composite from the start, since a composite gives a
 * child added later only what is recorded after it. The run's report reads its timers from the
 * same meters.
 */
public final class JobMeters implements AutoCloseable {

    /**
     * How long a timer's {@code max} remembers a value. Micrometer's default (one minute) suits a
     * server scraped every few seconds; a metrics file is read once, after a night that can last
     * hours, and its {@code max} should be the longest of the whole run.
     */
    static final Duration MAX_WINDOW = Duration.ofDays(7);

    private final SimpleMeterRegistry values;
    private final PrometheusMeterRegistry prometheus;
    private final CompositeMeterRegistry registry;

    public JobMeters() {
        this.values = new SimpleMeterRegistry(
                new SimpleConfig() {
                    @Override
                    public String get(String key) {
                        return null;
                    }

                    @Override
                    public Duration step() {
                        return MAX_WINDOW;
                    }
                },
                Clock.SYSTEM);
        this.prometheus = new PrometheusMeterRegistry(new PrometheusConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public Duration step() {
                return MAX_WINDOW;
            }
        });
        this.registry = new CompositeMeterRegistry(Clock.SYSTEM, List.of(values, prometheus));
    }

    /** Where the job's meters are registered and recorded. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter with its values, in the registry's base units (seconds for timers). */
    public List<Meter> meters() {
        return values.getMeters();
    }

    /** The meters in Prometheus' text exposition format (0.0.4), as node_exporter's textfile collector reads it. */
    public String prometheusText() {
        return prometheus.scrape();
    }

    @Override
    public void close() {
        registry.close();
        values.close();
        prometheus.close();
    }
}
