package dev.briefs.bench;

import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunRecord;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.EmbeddedKafka;
import dev.briefs.support.EmbeddedPostgresRepository;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A benchmark, not a test: the same day briefed by a manager and 1, 2 and 4 worker processes over a
 * real Kafka broker and PostgreSQL (the tests' embedded ones), with the tiny fixture models so that
 * several workers fit on one machine, beside a local run of the same day. It prints articles per
 * second, and the overhead each partition pays for the broker and the repository: from the
 * manager's step start to the partition's start on a worker (the request's trip and the claim),
 * and from the last partition's end to the manager noticing it (the polling). The cores are shared
 * out: each of W workers gets cores / W ONNX Runtime threads (at least one), as W machines would each
 * bring their own, so on a machine with fewer cores than workers the workers share them.
 *
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.briefs.bench.ScaleOutBench ../shared/corpus 400 1,2,4"
 * </pre>
 */
public final class ScaleOutBench {

    private static final String DATE = "2026-11-20";

    private ScaleOutBench() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<Integer> workerCounts = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(Integer::parseInt).toList()
                : List.of(1, 2, 4);
        Path root = Files.createTempDirectory("briefs-scaleout-bench");
        Path models = root.resolve("models");
        TinyModels.install("tiny-marian-uk-en", models, "opus-mt-uk-en");
        TinyModels.install("tiny-marian-en-uk", models, "opus-mt-en-uk");

        System.out.printf(
                "%d articles from %s, tiny models, %d cores%n%n",
                articles, corpus, Runtime.getRuntime().availableProcessors());
        System.out.println(
                "| run | workers | partitions | wall s | articles/s | vs 1 worker | request to start, ms (mean / max) | last end to manager, ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double local = runLocal(root.resolve("local"), corpus, articles, models);
        System.out.printf("| one process, local partitions | - | 2 | %.1f | %.1f | | | |%n", local, articles / local);
        double one = 0;
        for (int workers : workerCounts) {
            Path dir = root.resolve("workers-" + workers);
            Result r = runScaledOut(dir, corpus, articles, models, workers);
            if (workers == workerCounts.get(0)) {
                one = r.wall;
            }
            System.out.printf(
                    "| manager + workers | %d | %d | %.1f | %.1f | %.2fx | %d / %d | %d |%n",
                    workers, workers, r.wall, articles / r.wall, one / r.wall, r.meanStartMs, r.maxStartMs, r.noticeMs);
        }
        // The embedded broker and database keep threads of their own; their shutdown hooks stop them.
        System.exit(0);
    }

    private static double runLocal(Path dir, Path corpus, int articles, Path models) throws Exception {
        NightArticles.write(corpus, articles, DATE, TestJobs.inputDir(dir, DATE));
        // Two partitions of one ONNX Runtime thread each: the machine's cores, as the workers get them below.
        Path job = TestJobs.write(dir, "onnx:\n  intra-op-threads: " + threadsPerProcess(2) + "\n");
        Files.writeString(
                job, Files.readString(job).replace("dir: " + dir.toAbsolutePath() + "/models", "dir: " + models));
        long t0 = System.nanoTime();
        JobRunner.Outcome outcome = JobRunner.runNightly(settings(job), false, RunProgress.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        check(outcome);
        return wall;
    }

    private record Result(double wall, long meanStartMs, long maxStartMs, long noticeMs) {}

    private static Result runScaledOut(Path dir, Path corpus, int articles, Path models, int workers) throws Exception {
        NightArticles.write(corpus, articles, DATE, TestJobs.inputDir(dir, DATE));
        String topic = "bench-" + workers + "-" + System.nanoTime();
        Path job = TestJobs.write(
                dir,
                EmbeddedPostgresRepository.jobFileLines()
                        + """
                kafka:
                  bootstrap-servers: %s
                  topic: %s
                  group: %s
                  topic-partitions: %d
                  poll-ms: 200
                onnx:
                  intra-op-threads: %d
                """.formatted(
                                        EmbeddedKafka.bootstrapServers(),
                                        topic,
                                        topic,
                                        Math.max(4, workers),
                                        threadsPerProcess(workers)));
        Files.writeString(
                job,
                Files.readString(job)
                        .replace("partitions: 2\n", "partitions: " + workers + "\n")
                        .replace("dir: " + dir.toAbsolutePath() + "/models", "dir: " + models));
        List<Process> processes = new ArrayList<>();
        CountDownLatch assigned = new CountDownLatch(workers);
        try {
            for (int w = 0; w < workers; w++) {
                Process p = ChildJvm.start("dev.briefs.cli.BriefsMain", "worker", job.toString());
                processes.add(p);
                Thread reader = new Thread(() -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        boolean seen = false;
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            if (!seen && line.contains("worker assigned [partition")) {
                                seen = true;
                                assigned.countDown();
                            }
                        }
                    } catch (IOException ignored) {
                        // the worker ended
                    }
                });
                reader.setDaemon(true);
                reader.start();
            }
            if (!assigned.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the workers did not join the topic");
            }
            Thread.sleep(2000); // let the group settle after the last member joined
            JobSettings settings = settings(job);
            long t0 = System.nanoTime();
            JobRunner.Outcome outcome = JobRunner.runNightly(settings, false, RunProgress.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            check(outcome);
            return overheads(settings, wall);
        } finally {
            processes.forEach(Process::destroy);
            for (Process p : processes) {
                p.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static Result overheads(JobSettings settings, double wall) {
        return JobRunner.inspect(settings, ctx -> {
            JobRepository repository = ctx.getBean(JobRepository.class);
            long id = RunRecord.latest(ctx, settings.date()).orElseThrow().executionId();
            JobExecution execution = repository.getJobExecution(id);
            StepExecution manager = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("articles"))
                    .findFirst()
                    .orElseThrow();
            List<StepExecution> partitions = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().startsWith("articleWorker:"))
                    .toList();
            List<Long> starts = partitions.stream()
                    .map(p -> Duration.between(manager.getStartTime(), p.getStartTime())
                            .toMillis())
                    .toList();
            LocalDateTime lastEnd = partitions.stream()
                    .map(StepExecution::getEndTime)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            long notice = Duration.between(lastEnd, manager.getEndTime()).toMillis();
            return new Result(
                    wall,
                    Math.round(
                            starts.stream().mapToLong(Long::longValue).average().orElse(0)),
                    starts.stream().mapToLong(Long::longValue).max().orElse(0),
                    notice);
        });
    }

    /**
     * The machine's cores shared out among the processes, as separate machines would each have
     * their own: without this every worker's ONNX Runtime takes all cores and they fight over them.
     */
    private static int threadsPerProcess(int processes) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / processes);
    }

    private static JobSettings settings(Path job) {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }

    private static void check(JobRunner.Outcome outcome) {
        if (outcome.status() != JobRunner.Status.COMPLETED) {
            throw new IllegalStateException("the run did not complete: " + outcome.status() + " " + outcome.failure());
        }
    }
}
