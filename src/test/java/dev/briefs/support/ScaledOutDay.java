package dev.briefs.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.ModelDecorator;
import dev.briefs.job.launch.JobRunner;
import dev.briefs.job.launch.RunHistory;
import dev.briefs.job.nightly.RunProgress;
import dev.briefs.job.settings.JobFiles;
import dev.briefs.job.settings.JobSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.FileSystemUtils;

/**
 * The day the scale-out tests brief (17 articles of the shared corpus, the tiny translation models), its job
 * file for a manager and workers over Kafka and PostgreSQL, and the same day as one machine briefs it: what a
 * scaled-out night must end byte-identical to, and the model calls it must not exceed.
 */
public final class ScaledOutDay {

    public static final String DATE = "2022-04-14";

    /**
     * The day as one machine briefs it.
     *
     * @param files the output folder as {@link Outputs#snapshot} reads it
     * @param modelCalls the model calls one machine makes for the day
     */
    public record Reference(Map<String, String> files, int modelCalls) {}

    /** Made once for the test JVM: every scale-out test compares against the same day. */
    private static Reference oneMachine;

    private ScaledOutDay() {}

    /** The day as one machine briefs it, briefed once for the test JVM in a temporary folder, then removed. */
    public static synchronized Reference oneMachine() throws IOException {
        if (oneMachine == null) {
            Path root = Files.createTempDirectory("briefs-one-machine");
            try {
                oneMachine = oneMachine(root);
            } finally {
                FileSystemUtils.deleteRecursively(root);
            }
        }
        return oneMachine;
    }

    private static Reference oneMachine(Path root) throws IOException {
        SharedCorpus.dir();
        Path job = TestJobs.write(root, "");
        prepare(root);
        AtomicInteger calls = new AtomicInteger();
        ModelDecorator counting = InterceptedModels.before((name, text) -> calls.incrementAndGet());
        JobRunner.Outcome run = JobRunner.runNightly(
                settings(job),
                false,
                RunProgress.NONE,
                ctx -> ctx.getBeanFactory().registerSingleton("modelDecorator", counting));
        assertThat(run.status()).as(run.failure()).isEqualTo(JobRunner.Status.COMPLETED);
        Map<String, String> files = Outputs.snapshot(TestJobs.outputDir(root, DATE));
        // 17 briefs (JSON and Markdown) and the day's files; report.json holds timings and is left out.
        assertThat(files)
                .containsKeys("briefs.jsonl", "digest.md", "digest.html", "briefs.atom")
                .hasSize(17 * 2 + 4);
        return new Reference(files, calls.get());
    }

    /** The day's articles and models under {@code root}. */
    public static void prepare(Path root) throws IOException {
        Path input = TestJobs.inputDir(root, DATE);
        SharedCorpus.writeUkrainianArticles(input);
        Files.copy(SharedCorpus.file("000_c930af4e63a7dcc9.txt"), input.resolve("000_c930af4e63a7dcc9.txt"));
        TinyModels.install("tiny-marian-uk-en", root.resolve("models"), "opus-mt-uk-en");
        TinyModels.install("tiny-marian-en-uk", root.resolve("models"), "opus-mt-en-uk");
    }

    /**
     * The day under {@code root} and its job file for a scaled-out run: a new database of the embedded PostgreSQL
     * and a topic and consumer group of its own on {@code bootstrapServers}, with {@code extra} lines appended.
     */
    public static Path scaledOutJob(Path root, String bootstrapServers, String extra) throws IOException {
        return scaledOutJob(root, bootstrapServers, "", extra);
    }

    /** As {@link #scaledOutJob(Path, String, String)}, with {@code kafkaLines} (indented) added to the kafka section. */
    public static Path scaledOutJob(Path root, String bootstrapServers, String kafkaLines, String extra)
            throws IOException {
        return scaledOutJob(root, EmbeddedPostgresRepository.jobFileLines(), bootstrapServers, kafkaLines, extra);
    }

    /**
     * As {@link #scaledOutJob(Path, String, String)}, with the job repository where {@code repositoryLines} put
     * it (a PostgreSQL server of the test's own, which it stops and starts).
     */
    public static Path scaledOutJobOn(Path root, String repositoryLines, String bootstrapServers, String extra)
            throws IOException {
        return scaledOutJob(root, repositoryLines, bootstrapServers, "", extra);
    }

    private static Path scaledOutJob(
            Path root, String repositoryLines, String bootstrapServers, String kafkaLines, String extra)
            throws IOException {
        prepare(root);
        String topic = topic(root);
        return TestJobs.write(
                root, repositoryLines + """
                kafka:
                  bootstrap-servers: %s
                  topic: %s
                  group: %s-workers
                  topic-partitions: 4
                  poll-ms: 200
                """.formatted(bootstrapServers, topic, topic) + kafkaLines + extra);
    }

    /** The Kafka topic of the scaled-out job file under {@code root}. */
    public static String topic(Path root) {
        return "briefs-test-" + root.getFileName().toString().replaceAll("[^A-Za-z0-9]", "");
    }

    /** The date's runs as {@code status} lists them, oldest first. */
    public static List<String> history(Path job) {
        return JobRunner.inspect(settings(job), RunHistory::of).runs();
    }

    /** The settings of {@code job} for the day's date. */
    public static JobSettings settings(Path job) {
        return JobSettings.resolve(job, JobFiles.read(job), LocalDate.parse(DATE), null, null);
    }
}
