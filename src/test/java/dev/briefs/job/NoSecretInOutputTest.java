package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.cli.BriefsMain;
import dev.briefs.cli.ExitCodes;
import dev.briefs.model.hub.TestHub;
import dev.briefs.support.ChildJvm;
import dev.briefs.support.TestJobs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, "no token or secret in any output": with {@code HF_TOKEN} set and every logger at
 * {@code TRACE}, the real command line, each command in a JVM of its own, fetches models from a
 * loopback hub with the token (the hub sees it in the {@code Authorization} header, so the token is
 * used) and runs a night that fetches the rest itself; then no file under the test's folder (input,
 * output with {@code report.json}, data with the job repository's H2 files, models with their
 * manifests, the metrics file, the JVMs' temporary folder) nor the commands' standard output and
 * error holds the token, as text (UTF-8 or UTF-16) or as Base64. Once with the token accepted and
 * plain log lines, once with the token refused (401), whose errors say to set {@code HF_TOKEN}
 * without echoing it, and the night's log lines in JSON.
 *
 * <p>The fetches log in plain lines only: with {@code --log-format json}, {@code models fetch} logs
 * at the bundled logback.xml's levels whatever {@code logback.configurationFile} names (LogFormat
 * configures Logback again from the bundled file, and Spring Boot, which reads {@code logging.*},
 * does not start), so it cannot be made to log at TRACE.
 */
class NoSecretInOutputTest {

    private static final String DATE = "2026-11-20";
    private static final long CHILD_LIMIT_SECONDS = 300;
    /** A plain log line at TRACE. */
    private static final String PLAIN_TRACE = "(?m)^\\d\\d:\\d\\d:\\d\\d TRACE ";

    @TempDir
    Path root;

    private final String token = randomToken();
    private final Map<String, String> commits = new LinkedHashMap<>();

    @Test
    void theTokenSentToTheHubIsInNoFileAndNoOutputOfAFetchAndANight() throws Exception {
        Path job;
        try (TestHub hub = ModelPreflightRunTest.hubWithTinyModels(commits).requireToken(token)) {
            job = prepare(hub);

            Child fetch = child(
                    hub,
                    "fetch",
                    "models",
                    "fetch",
                    "--models-dir",
                    models().toString(),
                    "--catalog",
                    models().resolve("catalog.yaml").toString(),
                    "opus-mt-en-uk");
            assertThat(fetch.exit()).as(fetch.output()).isEqualTo(ExitCodes.OK);

            Child night = child(
                    hub,
                    "night",
                    "run",
                    job.toString(),
                    "--date",
                    DATE,
                    "--metrics-file",
                    root.resolve("metrics/night.prom").toString());
            assertThat(night.exit()).as(night.output()).isEqualTo(ExitCodes.OK);
            assertThat(night.output())
                    .contains("model opus-mt-uk-en is not installed; fetching it")
                    .contains("model distilbart-cnn-6-6 is not installed; fetching it");
            for (Child c : List.of(fetch, night)) {
                assertThat(c.output()).as("the child logged at TRACE").containsPattern(PLAIN_TRACE);
            }
            assertTheHubGotTheToken(hub, commits.keySet());
        }
        for (String model : List.of("opus-mt-en-uk", "opus-mt-uk-en", "distilbart-cnn-6-6")) {
            assertThat(models().resolve(model).resolve("briefs-manifest.json")).isRegularFile();
        }

        Map<String, Integer> checked = assertNoFileHoldsTheToken();

        assertThat(checked).containsKeys("in", "out", "data", "models", "metrics", "logs");
        assertThat(checked.get("models")).as("manifests and model files").isGreaterThanOrEqualTo(10);
        assertThat(checked.get("logs")).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsEchoedNeitherByTheFetchNorByTheNightThatGoesOnWithoutItsModels() throws Exception {
        Path job;
        try (TestHub hub = ModelPreflightRunTest.hubWithTinyModels(commits)
                .requireToken(randomToken())
                .echoAuthorization(true)) {
            job = prepare(hub);

            Child fetch = child(
                    hub,
                    "fetch",
                    "models",
                    "fetch",
                    "--models-dir",
                    models().toString(),
                    "--catalog",
                    models().resolve("catalog.yaml").toString(),
                    "opus-mt-en-uk");
            assertThat(fetch.exit()).as(fetch.output()).isEqualTo(ExitCodes.USAGE);
            assertThat(fetch.output())
                    .contains("HTTP 401")
                    // The hub quoted the token back; the client printed it redacted.
                    .contains("Bearer [HF_TOKEN]")
                    .contains("the token in HF_TOKEN was refused")
                    .as("the fetch logged at TRACE")
                    .containsPattern(PLAIN_TRACE);

            Child night = child(
                    hub,
                    "night",
                    "run",
                    job.toString(),
                    "--date",
                    DATE,
                    "--log-format",
                    "json",
                    "--metrics-file",
                    root.resolve("metrics/night.json").toString());
            assertThat(night.exit()).as(night.output()).isEqualTo(ExitCodes.SOME_FAILED);
            assertThat(night.output())
                    .contains("model opus-mt-en-uk could not be fetched (HTTP 401")
                    .contains("the token in HF_TOKEN was refused");
            assertThat(night.output()).as("the night logged at TRACE, in JSON").contains("\"level\":\"TRACE\"");
            assertTheHubGotTheToken(hub, commits.keySet());
        }
        assertThat(models().resolve("opus-mt-en-uk")).doesNotExist();

        Map<String, Integer> checked = assertNoFileHoldsTheToken();

        assertThat(checked).containsKeys("in", "out", "data", "models", "metrics", "logs");
        assertThat(checked.get("logs")).isEqualTo(2);
    }

    /** The shipped catalog pinned to the hub's commits, the sample articles, a job that fetches what is missing. */
    private Path prepare(TestHub hub) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Files.createDirectories(models());
        Files.createDirectories(root.resolve("metrics"));
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(root.resolve("tmp"));
        Files.writeString(
                models().resolve("catalog.yaml"),
                ModelPreflightRunTest.pinnedTo(commits, Files.readString(Path.of("models/catalog.yaml"))));
        // Every logger at TRACE from the first line on, before Spring Boot starts and after (it reads the same file).
        Files.writeString(
                root.resolve("logback-trace.xml"),
                Files.readString(Path.of("src/main/resources/logback.xml"))
                        .replaceAll("level=\"[A-Z]+\"", "level=\"TRACE\""));
        Path job = TestJobs.write(root, "");
        Files.writeString(
                job,
                Files.readString(job)
                        .replace(
                                "  translate:\n",
                                "  auto-fetch: true\n  endpoint: " + hub.endpoint()
                                        + "\n  summarise:\n    en: distilbart-cnn-6-6\n" + "  translate:\n"));
        return job;
    }

    private Path models() {
        return root.resolve("models");
    }

    private record Child(int exit, String output) {}

    /**
     * Runs the command line in a JVM of its own, with the token and every log level turned up; its
     * standard output and error in logs/NAME.log.
     */
    private Child child(TestHub hub, String name, String... args) throws IOException, InterruptedException {
        Map<String, String> env = new TreeMap<>();
        env.put("HF_TOKEN", token);
        env.put("HF_ENDPOINT", hub.endpoint());
        env.put("BRIEFS_DEBUG", "1");
        env.put("LOGGING_CONFIG", root.resolve("logback-trace.xml").toString());
        env.put("LOGGING_LEVEL_ROOT", "TRACE");
        env.put("LOGGING_LEVEL_DEV_BRIEFS", "TRACE");
        env.put(
                "JAVA_TOOL_OPTIONS",
                "-Djava.io.tmpdir=" + root.resolve("tmp") + " -Dlogback.configurationFile="
                        + root.resolve("logback-trace.xml"));
        Path log = root.resolve("logs").resolve(name + ".log");
        Process p = ChildJvm.start(log, env, BriefsMain.class.getName(), args);
        if (!p.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(
                    name + " did not finish in " + CHILD_LIMIT_SECONDS + " s:\n" + Files.readString(log));
        }
        return new Child(p.exitValue(), Files.readString(log));
    }

    /** Each repository was asked for, and every request carried the token: the runs used it. */
    private void assertTheHubGotTheToken(TestHub hub, Set<String> repos) {
        assertThat(hub.requests())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
        for (String repo : repos) {
            assertThat(hub.requests()).anyMatch(r -> r.path().contains("/" + repo + "/"));
        }
    }

    /**
     * Reads every regular file under the test's folder as bytes, and fails naming each that holds the
     * token in any of its forms; returns how many files were read in each top-level folder.
     */
    private Map<String, Integer> assertNoFileHoldsTheToken() throws IOException {
        List<String> needles = forms(token);
        Map<String, Integer> counts = new TreeMap<>();
        List<String> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = root.relativize(file);
                counts.merge(relative.getNameCount() > 1 ? relative.getName(0).toString() : ".", 1, Integer::sum);
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String needle : needles) {
                    if (bytes.contains(needle)) {
                        holding.add(relative + " (" + needle + ")");
                    }
                }
            }
        }
        assertThat(holding).as("files that hold the token " + token).isEmpty();
        assertThat(root.resolve("out").resolve(DATE).resolve("report.json")).isRegularFile();
        assertThat(root.resolve("metrics")).isNotEmptyDirectory();
        try (Stream<Path> data = Files.walk(root.resolve("data"))) {
            assertThat(data.map(Path::toString))
                    .as("the job repository's H2 file")
                    .anyMatch(f -> f.endsWith(".mv.db"));
        }
        return counts;
    }

    /**
     * The token as bytes would show it, one char per byte (ISO-8859-1): UTF-8, UTF-16 either way
     * round, and Base64 (plain and URL-safe) at each of the three offsets it could start at in a longer
     * encoded value (such as {@code user:token} in a Basic header), less the edge characters that
     * depend on its neighbours.
     */
    private static List<String> forms(String token) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(token);
        forms.add(new String(token.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
        forms.add(new String(token.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        for (int offset = 0; offset < 3; offset++) {
            byte[] padded = ("xx".substring(0, offset) + token).getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.withoutPadding().encodeToString(padded);
                forms.add(encoded.substring(offset == 0 ? 0 : 4, encoded.length() - 4));
            }
        }
        return List.copyOf(forms);
    }

    private static String randomToken() {
        SecureRandom random = new SecureRandom();
        StringBuilder t = new StringBuilder("hf_");
        for (int i = 0; i < 32; i++) {
            int c = random.nextInt(52);
            t.append((char) (c < 26 ? 'a' + c : 'A' + c - 26));
        }
        return t.toString();
    }
}
