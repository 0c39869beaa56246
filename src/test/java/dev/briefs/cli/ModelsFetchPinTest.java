package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.model.hub.TestHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code models fetch} of a catalog model pinned to a commit with the sizes and SHA-256 of its files. */
class ModelsFetchPinTest {

    static final String REPO = "Xenova/opus-mt-en-uk";

    @TempDir
    Path tmp;

    TestHub hub;
    Path catalog;
    Path models;
    String pinned;
    String newer;

    @BeforeEach
    void setUp() {
        hub = TestHub.start();
        pinned = hub.addRepo(REPO, ModelsCommandTest.repo(1));
        Map<String, byte[]> reexport = new TreeMap<>(ModelsCommandTest.repo(2));
        byte[] smaller = new byte[40_000];
        new Random(2).nextBytes(smaller);
        reexport.put(ModelsCommandTest.ENCODER, smaller);
        newer = hub.addRepo(REPO, reexport);
        models = tmp.resolve("models");
        catalog = tmp.resolve("catalog.yaml");
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    /** The encoder of the pinned commit has 50,000 bytes, its merged decoder 70,000. */
    void writeCatalog(String encoderSize) throws IOException {
        Files.writeString(catalog, """
                defaults: {variant: quantized}
                models:
                  - name: opus-mt-en-uk
                    repo: %s
                    revision: %s
                    task: translation
                    languages: {source: [en], target: [uk]}
                    sizes:
                      onnx/encoder_model_quantized.onnx: %s
                      onnx/decoder_model_merged_quantized.onnx: 70.0 kB
                """.formatted(REPO, pinned, encoderSize));
    }

    /** The catalog of {@link #writeCatalog}, with the pinned commit's SHA-256 of its quantized encoder. */
    void writeCatalogWithHash() throws IOException {
        writeCatalog("50 kB");
        Files.writeString(
                catalog,
                Files.readString(catalog) + "    sha256:\n      "
                        + ModelsCommandTest.ENCODER + ": "
                        + TestHub.sha256(ModelsCommandTest.repo(1).get(ModelsCommandTest.ENCODER))
                        + "\n");
    }

    ModelsCommandTest.Run run(String... args) {
        return runAt(hub, args);
    }

    ModelsCommandTest.Run runAt(TestHub endpoint, String... args) {
        ModelsCommand cmd = new ModelsCommand(
                Map.of("HF_ENDPOINT", endpoint.endpoint()),
                s -> s.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(400))
                        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(50)));
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 4];
        full[0] = "--models-dir";
        full[1] = models.toString();
        full[2] = "--catalog";
        full[3] = catalog.toString();
        System.arraycopy(args, 0, full, 4, args.length);
        int code = cl.execute(full);
        return new ModelsCommandTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void thePinnedCommitIsInstalledWhenItsListedSizesAreTheCatalogs() throws IOException {
        writeCatalog("50 kB");

        ModelsCommandTest.Run r = run("fetch");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("opus-mt-en-uk: installed 7 files").contains("at commit " + pinned);
        assertThat(r.err()).contains("the hub lists the catalog's sizes for 2 file(s) at commit " + pinned);
    }

    @Test
    void aSizeThatDiffersFromTheCatalogIsOneErrorLineExitTwoAndNothingIsInstalled() throws IOException {
        writeCatalog("60 kB");

        ModelsCommandTest.Run r = run("fetch", "opus-mt-en-uk");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        ModelsCommandTest.assertOneCleanErrorLine(r);
        assertThat(r.err())
                .startsWith("error: opus-mt-en-uk: size check failed at commit " + pinned)
                .contains("onnx/encoder_model_quantized.onnx is listed at 50,000 bytes")
                .contains("the catalog expects 60 kB (59,500 to 60,500 bytes)")
                .contains("java -jar target/briefs.jar models fetch opus-mt-en-uk@REVISION");
        assertThat(models.resolve("opus-mt-en-uk")).doesNotExist();
        assertThat(hub.requests()).allMatch(TestHub.Request::isListing);
    }

    @Test
    void aMirrorListingAnotherSha256ThanTheCatalogIsOneErrorLineExitTwoAndNothingIsInstalled() throws IOException {
        writeCatalogWithHash();
        Map<String, byte[]> lying = new TreeMap<>(ModelsCommandTest.repo(1));
        byte[] other = new byte[50_000];
        new Random(7).nextBytes(other);
        lying.put(ModelsCommandTest.ENCODER, other);
        try (TestHub mirror = TestHub.start()) {
            mirror.addRepoAt(REPO, pinned, lying);

            ModelsCommandTest.Run r = runAt(mirror, "fetch", "opus-mt-en-uk");

            assertThat(r.code()).as(r.all()).isEqualTo(2);
            ModelsCommandTest.assertOneCleanErrorLine(r);
            assertThat(r.err())
                    .startsWith("error: opus-mt-en-uk: SHA-256 check failed at commit " + pinned)
                    .contains(mirror.hostAndPort())
                    .contains(ModelsCommandTest.ENCODER + " is listed with SHA-256 " + TestHub.sha256(other))
                    .contains("nothing was downloaded");
            assertThat(mirror.requests()).allMatch(TestHub.Request::isListing);
        }
        assertThat(models.resolve("opus-mt-en-uk")).doesNotExist();

        ModelsCommandTest.Run fromTheHub = run("fetch", "opus-mt-en-uk");
        assertThat(fromTheHub.code()).as(fromTheHub.all()).isZero();
        assertThat(fromTheHub.err()).contains("the hub lists the catalog's SHA-256 for 1 file(s) at commit " + pinned);
        assertThat(run("verify").code()).as("models verify keeps working").isZero();
    }

    @Test
    void nameAtAnotherRevisionIsFetchedOnPurposeWithoutTheCatalogsSizesAndSaysSo() throws IOException {
        writeCatalog("50 kB");

        ModelsCommandTest.Run r = run("fetch", "opus-mt-en-uk@" + newer);

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err())
                .contains("note: opus-mt-en-uk: fetching revision " + newer
                        + ", not the catalog's pinned commit " + pinned
                        + "; the catalog's file sizes belong to that commit"
                        + " and are not checked");
        assertThat(r.out()).contains("at commit " + newer);

        ModelsCommandTest.Run list = run("list");
        assertThat(list.all()).as("an install of another commit than the pin").containsIgnoringCase("outdated");
    }
}
