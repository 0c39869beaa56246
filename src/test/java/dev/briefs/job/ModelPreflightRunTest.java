package dev.briefs.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.brief.Brief;
import dev.briefs.model.Manifest;
import dev.briefs.brief.BriefFiles;
import dev.briefs.cli.ExitCodes;
import dev.briefs.model.hub.TestHub;
import dev.briefs.support.CommandResult;
import dev.briefs.support.TestJobs;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

    private Path prepare(String endpoint) throws IOException {
        TestJobs.inputWithSamples(root, DATE);
        Files.createDirectories(root.resolve("models"));
        Files.writeString(root.resolve("models/catalog.yaml"),
                followingMain(Files.readString(Path.of("models/catalog.yaml"))));
        Path job = TestJobs.write(root, "");
        Files.writeString(job, Files.readString(job).replace("  translate:\n",
                "  auto-fetch: true\n  endpoint: " + endpoint + "\n  summarise:\n    en: distilbart-cnn-6-6\n  translate:\n"));
        return job;
    }

    /**
     * The shipped catalog, but following {@code main} and without the pinned commits' sizes: the tiny
     * fixtures stand in for the real models, and the loopback hub serves them as its {@code main}.
     */
    private static String followingMain(String catalog) {
        return catalog.replaceAll("(?m)^(\\s+revision: )[0-9a-f]{40}.*$", "$1main")
                .replaceAll("(?m)^    sizes:.*\\n(?:      .*\\n)*", "");
    }

    private static TestHub hubWithTinyModels() {
        TestHub hub = TestHub.start();
        hub.addRepo("Xenova/opus-mt-en-uk", TinyModels.FIXTURES.resolve("tiny-marian-en-uk"));
        hub.addRepo("Xenova/opus-mt-uk-en", TinyModels.FIXTURES.resolve("tiny-marian-uk-en"));
        hub.addRepo("Xenova/distilbart-cnn-6-6", TinyModels.FIXTURES.resolve("tiny-bart"));
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
        try (TestHub hub = hubWithTinyModels()) {
            job = prepare(hub.endpoint());
            CommandResult first = CommandResult.run("run", job.toString(), "--date", DATE);
            assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
            assertThat(first.err()).contains("model opus-mt-en-uk is not installed; fetching it");
            assertThat(hub.requests()).isNotEmpty();
        }
        for (String name : List.of("opus-mt-en-uk", "opus-mt-uk-en", "distilbart-cnn-6-6")) {
            assertThat(root.resolve("models").resolve(name).resolve("briefs-manifest.json")).isRegularFile();
        }
        assertThat(BriefFiles.readAll(TestJobs.outputDir(root, DATE))).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo(Brief.OK);
            assertThat(b.briefs().values()).allSatisfy(lb -> assertThat(lb.text()).isNotBlank());
            // Each text names the commit of the model files that made it, as the install manifest records it.
            assertThat(b.briefs().values()).allSatisfy(lb -> {
                if (!lb.model().startsWith("extractive:")) {
                    assertThat(lb.revision()).isEqualTo(Manifest.read(root.resolve("models").resolve(lb.model())
                            .resolve(Manifest.FILE_NAME)).commit()).matches("[0-9a-f]{40}");
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
        try (TestHub hub = hubWithTinyModels()) {
            job = prepare(hub.endpoint());
            assertThat(CommandResult.run("models", "fetch", "--models-dir", root.resolve("models").toString(),
                    "--catalog", root.resolve("models/catalog.yaml").toString(), "--endpoint", hub.endpoint(),
                    "opus-mt-en-uk", "opus-mt-uk-en", "distilbart-cnn-6-6").exitCode()).isZero();
        }
        Path graph = root.resolve("models/opus-mt-uk-en/onnx/decoder_model_merged.onnx");
        byte[] bytes = Files.readAllBytes(graph);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(graph, bytes);

        CommandResult r = CommandResult.run("run", job.toString(), "--date", DATE);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("briefs: model opus-mt-uk-en has changed files "
                + "(onnx/decoder_model_merged.onnx); run: java -jar target/briefs.jar models fetch opus-mt-uk-en");
        assertThat(TestJobs.outputDir(root, DATE)).doesNotExist();
    }
}
