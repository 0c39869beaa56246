package dev.briefs.brief;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Time spent in each stage of briefing (read, summarise, translate, check, write), as Micrometer timers,
 * so the run's report can say where a slow night went, and a registry that exports metrics can
 * take the same timers. Thread-safe: the job's partitions record into the same timers.
 */
public final class StageTimers {

    /**
     * Checking the language briefs (fact checks, round trips): no failure of its own, so not a ledger
     * stage, but its round trips are model work a slow night may spend its time in.
     */
    public static final String CHECK = "check";
    /** The stages, in the order an article goes through them. */
    public static final List<String> STAGES =
            List.of(Failure.READ, Failure.SUMMARISE, Failure.TRANSLATE, CHECK, Failure.WRITE);

    public static final String TIMER = "briefs.stage";

    private final Map<String, Timer> timers = new LinkedHashMap<>();

    public StageTimers(MeterRegistry registry) {
        for (String stage : STAGES) {
            timers.put(
                    stage,
                    Timer.builder(TIMER)
                            .description("Time spent in one stage of briefing, summed over the job's threads")
                            .tag("stage", stage)
                            .register(registry));
        }
    }

    /** Timers of their own, for code that runs outside a job (tests, one-off tools). */
    public static StageTimers detached() {
        return new StageTimers(new SimpleMeterRegistry());
    }

    public Timer timer(String stage) {
        Timer timer = timers.get(stage);
        if (timer == null) {
            throw new IllegalArgumentException("no such stage: " + stage);
        }
        return timer;
    }

    public <T> T time(String stage, Supplier<T> work) {
        return timer(stage).record(work);
    }

    /** For work that throws checked exceptions: time from {@code startNanos} ({@link System#nanoTime}) to now. */
    public void recordSince(String stage, long startNanos) {
        timer(stage).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Total time and number of timed calls of each stage, in stage order. */
    public Map<String, Stage> totals() {
        Map<String, Stage> out = new LinkedHashMap<>();
        timers.forEach((stage, timer) -> out.put(
                stage, new Stage(Duration.ofNanos((long) timer.totalTime(TimeUnit.NANOSECONDS)), timer.count())));
        return out;
    }

    public record Stage(Duration time, long calls) {}
}
