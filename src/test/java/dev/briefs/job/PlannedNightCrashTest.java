package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.CrashingRun;
import dev.briefs.support.Outputs;
import dev.briefs.support.SharedCorpus;
import dev.briefs.support.TestJobs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A planned night killed (SIGKILL, a child JVM) between its stages, then run again: the briefs come out as a clean
 * night's, byte for byte, each once, and the work the killed run cached is not made again. Model calls are
 * counted in the child (a batch is one call; an output found in the cache is none).
 */
class PlannedNightCrashTest {

    /** A bound on one child run, not a speed check: generous for a loaded 2-core machine. */
    private static final long RUN_LIMIT_SECONDS = 900;

    private static final String SUMMARISER = "distilbart-cnn-6-6";

    @TempDir
    static Path cleanRoot;

    static Map<String, String> cleanOutput;
    static Map<String, Integer> cleanCalls;

    @TempDir
    Path root;

    @BeforeAll
    static void cleanNight() throws Exception {
        SharedCorpus.dir();
        Path job = job(cleanRoot);
        Child clean = runToEnd(job);
        assertThat(clean.exitValue()).as(clean.output()).isZero();
        cleanOutput = Outputs.snapshot(TestJobs.outputDir(cleanRoot, PlannedNightTest.DATE));
        cleanCalls = clean.calls();
        assertThat(cleanCalls).containsKeys(SUMMARISER, "opus-mt-en-uk", "opus-mt-uk-en");
    }

    private static Path job(Path root) throws IOException {
        PlannedNightTest.prepare(root, "");
        return root.resolve("job.yaml");
    }

    /**
     * @param point    where the child stops dead to be killed
     * @param inFlight the model calls started and not finished at that point: the first translation call, which
     *                 the hook stops before any of its inputs ran (1); or none, all model work being done before
     *                 the brief step writes its first brief (0). The restart may make those again, nothing more.
     */
    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({
        "model-call-of:opus-mt-en-uk:1, 1", // the planning step has cached every summary, no translation yet
        "written:2, 0" // the planning step finished; the brief step has written two briefs of its first chunk
    })
    void aPlannedNightKilledBetweenStagesRestartsWithoutRedoingCachedWork(String point, int inFlight) throws Exception {
        Path job = job(root);
        Process crashing = ChildJvm.start(CrashingRun.class.getName(), job.toString(), PlannedNightTest.DATE, point);
        Map<String, Integer> killedCalls;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(crashing.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String calls = null;
            for (String line = out.readLine(); line != null && !line.equals("PAUSED"); line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.startsWith("CALLS")) {
                    calls = line;
                }
            }
            assertThat(crashing.isAlive())
                    .as("the child reached " + point + ":\n" + seen)
                    .isTrue();
            assertThat(calls).as(seen.toString()).isNotNull();
            killedCalls = parse(calls);
            crashing.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertThat(crashing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Child again = runToEnd(job);
        assertThat(again.exitValue()).as(again.output()).isZero();

        Path out = TestJobs.outputDir(root, PlannedNightTest.DATE);
        assertThat(Outputs.snapshot(out)).isEqualTo(cleanOutput);
        List<String> lines = Files.readAllLines(out.resolve("briefs.jsonl"));
        assertThat(new HashSet<>(lines)).hasSameSizeAs(lines).hasSize(PlannedNightTest.ARTICLES);
        assertThat(BriefFiles.readAll(out))
                .hasSize(PlannedNightTest.ARTICLES)
                .allSatisfy(b -> assertThat(b.status()).isEqualTo(Brief.OK));

        assertThat(again.calls().getOrDefault(SUMMARISER, 0))
                .as("the summaries the killed run cached are not made again")
                .isZero();
        int clean = total(cleanCalls);
        int both = total(killedCalls) + total(again.calls());
        // A clean night's calls, plus the ones in flight at the kill (made again after the restart).
        assertThat(both)
                .as(
                        "calls of the killed run %s and its restart %s against a clean night's %s",
                        killedCalls, again.calls(), cleanCalls)
                .isLessThanOrEqualTo(clean + inFlight);
    }

    private static int total(Map<String, Integer> calls) {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code CALLS MODEL=N ...} as {@link CrashingRun} prints it. */
    private static Map<String, Integer> parse(String line) {
        Map<String, Integer> calls = new TreeMap<>();
        for (String part : line.substring("CALLS".length()).trim().split(" ")) {
            if (!part.isEmpty()) {
                String[] kv = part.split("=");
                calls.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return calls;
    }

    /** A child run that went to its end: its exit status, everything it printed, and its model calls. */
    record Child(int exitValue, String output) {

        Map<String, Integer> calls() {
            return output.lines()
                    .filter(l -> l.startsWith("CALLS"))
                    .reduce((first, second) -> second)
                    .map(PlannedNightCrashTest::parse)
                    .orElseThrow(() -> new AssertionError("no CALLS line in:\n" + output));
        }
    }

    /** The job in a child JVM to its end; its output is read while it runs, since it logs a line per article. */
    @SuppressWarnings("JdkObsolete") // StringBuffer: the reader thread may still append while this one reads
    private static Child runToEnd(Path job) throws Exception {
        Process p = ChildJvm.start(CrashingRun.class.getName(), job.toString(), PlannedNightTest.DATE, "none");
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output not read: ").append(e).append(')');
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(p.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS))
                .as("the run ended within its limit")
                .isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return new Child(p.exitValue(), output.toString());
    }
}
