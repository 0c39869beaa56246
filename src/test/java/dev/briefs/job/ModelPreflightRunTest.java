package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.model.Manifest;
import dev.briefs.model.hub.TestHub;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight with the real fetch code against a loopback hub that serves the tiny fixture
 * models under the shipped catalog's repository ids: auto-fetch installs them, the job then runs
 * without the hub, and a model changed on disk stops the night before it starts.
 */
class ModelPreflightRunTest {

    private static final String DATE = "2026-11-20";

    @TempDir
    Path root;

    private Path prepare(String endpoint, Map<String, String> pins) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Files.createDirectories(root.resolve("models"));
        Files.writeString(
                root.resolve("models/catalog.yaml"), pinnedTo(pins, Files.readString(Path.of("models/catalog.yaml"))));
        Path job = TestJobs.write(root, "");
        Files.writeString(
                job,
                Files.readString(job)
                        .replace(
                                "  translate:\n",
                                "  auto-fetch: true\n  endpoint: " + endpoint
                                        + "\n  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        return job;
    }

    /**
     * The shipped catalog, its repositories pinned to the loopback hub's commits of the tiny fixtures
     * that stand in for the real models (so without the real commits' sizes and SHA-256); a repository given no
     * commit follows {@code main}.
     */
    static String pinnedTo(Map<String, String> pins, String catalog) {
        String out = catalog.replaceAll("(?m)^(\\s+revision: )\\S+.*$", "$1main")
                .replaceAll("(?m)^    (?:sizes|sha256):.*\\n(?:      .*\\n)*", "");
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            out = out.replaceAll(
                    "(?m)^(\\s+repo: " + Pattern.quote(pin.getKey()) + "\\s*\\n\\s+revision: )main$",
                    "$1" + pin.getValue());
        }
        return out;
    }

    /** The loopback hub with the tiny fixtures under the catalog's repository ids; the commits by repository. */
    static TestHub hubWithTinyModels(Map<String, String> commits) {
        TestHub hub = TestHub.start();
        commits.put(
                "Xenova/opus-mt-en-uk",
                hub.addRepo("Xenova/opus-mt-en-uk", TinyModels.FIXTURES.resolve("tiny-marian-en-uk")));
        commits.put(
                "Xenova/opus-mt-uk-en",
                hub.addRepo("Xenova/opus-mt-uk-en", TinyModels.FIXTURES.resolve("tiny-marian-uk-en")));
        commits.put(
                "Xenova/distilbart-cnn-6-6",
                hub.addRepo("Xenova/distilbart-cnn-6-6", TinyModels.FIXTURES.resolve("tiny-bart")));
        return hub;
    }

    private static String deadEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void missingModelsAreFetchedBeforeTheRunAndLaterRunsNeedNoHub() throws IOException {
        Path job;
        Map<String, String> commits = new LinkedHashMap<>();
        try (TestHub hub = hubWithTinyModels(commits)) {
            job = prepare(hub.endpoint(), commits);
            CommandResult first = CommandResult.run("run", job.toString(), "--date", DATE);
            assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
            assertThat(first.err()).contains("model opus-mt-en-uk is not installed; fetching it");
            assertThat(hub.requests()).isNotEmpty();
        }
        for (String name : List.of("opus-mt-en-uk", "opus-mt-uk-en", "distilbart-cnn-6-6")) {
            assertThat(root.resolve("models").resolve(name).resolve("briefs-manifest.json"))
                    .isRegularFile();
        }
        assertThat(BriefFiles.readAll(TestJobs.outputDir(root, DATE))).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo(Brief.OK);
            assertThat(b.briefs().values())
                    .allSatisfy(lb -> assertThat(lb.text()).isNotBlank());
            // Each text names the commit of the model files that made it, as the install manifest records it.
            assertThat(b.briefs().values()).allSatisfy(lb -> {
                if (!lb.model().startsWith("extractive:")) {
                    assertThat(lb.revision())
                            .isEqualTo(Manifest.read(root.resolve("models")
                                            .resolve(lb.model())
                                            .resolve(Manifest.FILE_NAME))
                                    .commit())
                            .matches("[0-9a-f]{40}");
                } else {
                    assertThat(lb.revision()).isNull();
                }
            });
        });

        // The hub is gone: the installed, verified models are all the run needs.
        Files.writeString(job, Files.readString(job).replaceAll("endpoint: .*", "endpoint: " + deadEndpoint()));
        CommandResult offline = CommandResult.run("run", job.toString(), "--date", DATE, "--force");
        assertThat(offline.exitCode()).as(offline.err()).isEqualTo(ExitCodes.OK);
        assertThat(offline.err()).doesNotContain("fetching");
    }

    @Test
    void aModelChangedOnDiskStopsTheRunWithTheFix() throws IOException {
        Path job;
        Map<String, String> commits = new LinkedHashMap<>();
        try (TestHub hub = hubWithTinyModels(commits)) {
            job = prepare(hub.endpoint(), commits);
            assertThat(CommandResult.run(
                                    "models",
                                    "fetch",
                                    "--models-dir",
                                    root.resolve("models").toString(),
                                    "--catalog",
                                    root.resolve("models/catalog.yaml").toString(),
                                    "--endpoint",
                                    hub.endpoint(),
                                    "opus-mt-en-uk",
                                    "opus-mt-uk-en",
                                    "distilbart-cnn-6-6")
                            .exitCode())
                    .isZero();
        }
        Path graph = root.resolve("models/opus-mt-uk-en/onnx/decoder_model_merged.onnx");
        byte[] bytes = Files.readAllBytes(graph);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(graph, bytes);

        CommandResult r = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip())
                .isEqualTo(
                        "briefs: model opus-mt-uk-en has changed files "
                                + "(onnx/decoder_model_merged.onnx); run: java -jar target/briefs.jar models fetch opus-mt-uk-en");
        assertThat(TestJobs.outputDir(root, DATE)).doesNotExist();
    }

    @Test
    void aModelTheCatalogDoesNotPinIsNotFetchedUnattendedAndTheRunSaysHowToFetchIt() throws IOException {
        Path job;
        Map<String, String> commits = new LinkedHashMap<>();
        try (TestHub hub = hubWithTinyModels(commits)) {
            commits.remove("Xenova/opus-mt-uk-en"); // this catalog leaves it on main, as the shipped one once did
            job = prepare(hub.endpoint(), commits);
            CommandResult run = CommandResult.run("run", job.toString(), "--date", DATE);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SOME_FAILED);
            assertThat(run.err())
                    .contains("model opus-mt-uk-en is not installed, and auto-fetch installs only models "
                            + "the catalog pins to a commit (opus-mt-uk-en follows 'main')")
                    .contains("models fetch opus-mt-uk-en");
            assertThat(hub.requests()).noneMatch(r -> r.path().contains("opus-mt-uk-en"));
        }
        assertThat(root.resolve("models/opus-mt-uk-en")).doesNotExist();
        assertThat(root.resolve("models/opus-mt-en-uk/briefs-manifest.json")).isRegularFile();
        // The Ukrainian articles' English briefs wait for the model; rerun-failed makes them once it is fetched.
        assertThat(BriefFiles.readAll(TestJobs.outputDir(root, DATE)))
                .filteredOn(b -> b.language().equals("uk"))
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.briefs().get("en").error()).contains("models fetch opus-mt-uk-en"));
    }
}
