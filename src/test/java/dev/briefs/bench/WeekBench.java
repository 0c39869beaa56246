package dev.briefs.bench;

import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.nightly.NightlyJobConfiguration;
import dev.briefs.job.nightly.RunParameters;
import dev.briefs.support.CommandResult;
import dev.briefs.support.EmbeddedPostgresRepository;
import dev.briefs.support.WeekOfNights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Nights after nights on one job repository, on H2 and on PostgreSQL: for each night the wall time of its
 * {@code run} and of its {@code status}, and the repository's size after it, as a table for
 * docs/operating.md ("A week of nights"). The nights are {@link WeekOfNights}'s (two short articles, the tiny
 * models), so what is timed is mostly what does not depend on the articles: starting the command, the job
 * repository's questions, the cache's pruning. A benchmark, not a test: it asserts nothing. By hand:
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.briefs.bench.WeekBench --nights 7
 * </pre>
 */
@Command(
        name = "bench-week",
        mixinStandardHelpOptions = true,
        description = "Run --nights consecutive dates on one job repository, H2 then PostgreSQL; print each "
                + "night's run and status time and the repository's size.")
public final class WeekBench implements Callable<Integer> {

    @Option(
            names = "--nights",
            defaultValue = "7",
            paramLabel = "N",
            description = "Consecutive dates (default: ${DEFAULT-VALUE}).")
    int nights;

    @Option(
            names = "--history",
            defaultValue = "0",
            paramLabel = "N",
            description = "Completed nights written into the repository before the first, as Spring Batch's "
                    + "repository records them (no articles, no models): a long history without running it "
                    + "(default: ${DEFAULT-VALUE}).")
    int history;

    @Option(
            names = "--database",
            defaultValue = "h2,postgres",
            split = ",",
            paramLabel = "h2|postgres",
            description = "The repositories to run on (default: ${DEFAULT-VALUE}).")
    List<String> databases;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WeekBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (String database : databases) {
            Path root = Files.createTempDirectory("bench-week-");
            boolean postgres = database.equals("postgres");
            WeekOfNights week = new WeekOfNights(root, postgres ? EmbeddedPostgresRepository.jobFileLines() : "");
            long seeding = System.nanoTime();
            JobRunner.inspect(week.settings(1), ctx -> {
                pastNights(ctx.getBean(JobRepository.class), week);
                return null;
            });
            System.out.printf(
                    Locale.ROOT,
                    "%n%s, %s, %d past nights written in %.1f s%n",
                    postgres ? "PostgreSQL (embedded)" : "H2 (file)",
                    root,
                    history,
                    (System.nanoTime() - seeding) / 1e9);
            System.out.println(
                    "| night | run (s) | status (s) | repository (KiB) | growth (KiB) | status: table scans |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
            long before = 0;
            for (int night = 1; night <= nights; night++) {
                week.articles(night);
                long start = System.nanoTime();
                JobRunner.Outcome outcome = week.run(night, WeekOfNights.day(night, 0), ModelDecorator.NONE);
                double run = (System.nanoTime() - start) / 1e9;
                if (outcome.status() != JobRunner.Status.COMPLETED) {
                    throw new IllegalStateException(
                            "night " + night + ": " + outcome.status() + " " + outcome.failure());
                }
                long scansBefore = postgres ? batchTableScans(week) : 0;
                start = System.nanoTime();
                CommandResult status = week.status(night);
                double asked = (System.nanoTime() - start) / 1e9;
                String scans = postgres ? Long.toString(batchTableScans(week) - scansBefore) : "-";
                if (status.exitCode() != 0) {
                    throw new IllegalStateException("status of night " + night + ": " + status.out() + status.err());
                }
                long size = week.repositoryBytes();
                System.out.printf(
                        Locale.ROOT,
                        "| %d | %.2f | %.2f | %d | %+d | %s |%n",
                        night,
                        run,
                        asked,
                        size / 1024,
                        night == 1 ? 0 : (size - before) / 1024,
                        scans);
                before = size;
            }
        }
        return 0;
    }

    /**
     * How many times PostgreSQL has scanned Spring Batch's tables (sequential and index scans, from
     * {@code pg_stat_user_tables}): unlike a time, a count the machine's load cannot change. The statistics
     * reach the view shortly after the sessions that made them end, so it waits for them first.
     */
    private static long batchTableScans(WeekOfNights week) throws SQLException, InterruptedException {
        Thread.sleep(1500);
        try (Connection c = week.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(seq_scan + COALESCE(idx_scan, 0)), 0) "
                        + "FROM pg_stat_user_tables WHERE relname LIKE 'batch\\_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The {@code --history} nights before the first, each as a completed nightly execution with the steps a
     * night of two partitions has, written through Spring Batch's own repository as a run writes them.
     */
    private void pastNights(JobRepository repository, WeekOfNights week) {
        for (int back = history; back >= 1; back--) {
            // Night 1 - back is the date `back` days before the first.
            JobParameters parameters = RunParameters.of(week.settings(1 - back), false);
            JobInstance instance = repository.createJobInstance(NightlyJobConfiguration.JOB_NAME, parameters);
            JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
            LocalDateTime at =
                    LocalDateTime.ofInstant(WeekOfNights.day(1 - back, 0).instant(), ZoneOffset.UTC);
            execution.setStartTime(at);
            for (String step : List.of(
                    NightlyJobConfiguration.STORIES_STEP,
                    NightlyJobConfiguration.PARTITION_STEP,
                    NightlyJobConfiguration.WORKER_STEP + ":partition0",
                    NightlyJobConfiguration.WORKER_STEP + ":partition1",
                    "digest")) {
                StepExecution stepExecution = repository.createStepExecution(step, execution);
                stepExecution.setStartTime(at);
                stepExecution.setStatus(BatchStatus.COMPLETED);
                stepExecution.setExitStatus(ExitStatus.COMPLETED);
                stepExecution.setEndTime(at);
                repository.update(stepExecution);
            }
            execution.setStatus(BatchStatus.COMPLETED);
            execution.setExitStatus(ExitStatus.COMPLETED);
            execution.setEndTime(at);
            repository.update(execution);
        }
    }
}
