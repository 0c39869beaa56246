package dev.briefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.model.hub.TestHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsCommandTest {

    static final String TOKEN = "hf_cli_secret_token_789";
    static final String ENCODER = "onnx/encoder_model_quantized.onnx";

    @TempDir
    Path tmp;

    TestHub hub;
    Path catalog;
    Path models;
    Map<String, String> env = new HashMap<>();

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        hub = TestHub.start();
        hub.addRepo("Xenova/opus-mt-en-uk", repo(1));
        hub.addRepo("Xenova/opus-mt-uk-en", repo(2));
        hub.addRepo("Xenova/nllb-200-distilled-600M", repo(3));
        models = tmp.resolve("models");
        catalog = tmp.resolve("catalog.yaml");
        Files.writeString(catalog, """
                defaults: {variant: quantized}
                models:
                  - name: opus-mt-en-uk
                    repo: Xenova/opus-mt-en-uk
                    task: translation
                    languages: {source: [en], target: [uk]}
                  - name: opus-mt-uk-en
                    repo: Xenova/opus-mt-uk-en
                    task: translation
                    languages: {source: [uk], target: [en]}
                  - name: nllb-200-distilled-600M
                    repo: Xenova/nllb-200-distilled-600M
                    task: translation
                    languages: {source: [en, uk], target: [uk, en]}
                    optional: true
                    approx_size_mb: 1000
                  - name: all-minilm-l6-v2
                    repo: sentence-transformers/all-MiniLM-L6-v2
                    task: embedding
                    languages: {source: [en]}
                    installed: bundled
                """);
        env.put("HF_ENDPOINT", hub.endpoint());
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    static Map<String, byte[]> repo(long seed) {
        Random r = new Random(seed);
        Map<String, byte[]> files = new TreeMap<>();
        for (String f : List.of(
                "config.json",
                "generation_config.json",
                "tokenizer.json",
                "tokenizer_config.json",
                "special_tokens_map.json")) {
            files.put(f, ("{\"" + f + "\": " + seed + "}").getBytes(StandardCharsets.UTF_8));
        }
        byte[] enc = new byte[50_000];
        r.nextBytes(enc);
        byte[] dec = new byte[70_000];
        r.nextBytes(dec);
        files.put(ENCODER, enc);
        files.put("onnx/decoder_model_merged_quantized.onnx", dec);
        files.put("onnx/encoder_model.onnx", new byte[10]);
        files.put("onnx/decoder_model_merged.onnx", new byte[20]);
        return files;
    }

    Run run(String... args) {
        String[] full = new String[args.length + 4];
        full[0] = "--models-dir";
        full[1] = models.toString();
        full[2] = "--catalog";
        full[3] = catalog.toString();
        System.arraycopy(args, 0, full, 4, args.length);
        return runRaw(full);
    }

    Run runRaw(String... args) {
        ModelsCommand cmd = new ModelsCommand(
                env,
                s -> s.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(400))
                        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(50)));
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static void assertOneCleanErrorLine(Run r) {
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void fetchWithoutArgumentsInstallsTheRequiredModelsThenListAndVerifyShowThem() {
        Run f = run("fetch");
        assertThat(f.code()).as(f.all()).isZero();
        assertThat(f.out())
                .contains("opus-mt-en-uk: installed 7 files")
                .contains("opus-mt-uk-en: installed 7 files")
                .doesNotContain("nllb")
                .doesNotContain("all-minilm");
        assertThat(f.err()).contains("fetched opus-mt-en-uk/" + ENCODER + " (48.8 KiB)");
        assertThat(models.resolve("opus-mt-en-uk/briefs-manifest.json")).exists();
        assertThat(models.resolve("nllb-200-distilled-600M")).doesNotExist();

        Run again = run("fetch");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("all required models are installed");

        Run l = run("list", "--verify");
        assertThat(l.code()).as(l.all()).isZero();
        assertThat(l.out())
                .containsPattern("opus-mt-en-uk\\s+Xenova/opus-mt-en-uk\\s+translation\\s+en->uk\\s+yes\\s+ok\\s+\\d")
                .containsPattern("nllb-200-distilled-600M .*no \\(optional\\)\\s+-\\s+~1000 MB")
                .containsPattern("all-minilm-l6-v2 .*embedding\\s+en\\s+bundled");

        Run v = run("verify");
        assertThat(v.code()).as(v.all()).isZero();
        assertThat(v.out())
                .contains("opus-mt-en-uk: ok (7 files")
                .contains("all-minilm-l6-v2: bundled")
                .doesNotContain("nllb");
    }

    @Test
    void variantFetchesTheOtherGraphsOfACatalogModelInPlaceOfTheInstalledOnes() {
        assertThat(run("fetch", "opus-mt-en-uk").code()).isZero();
        assertThat(models.resolve("opus-mt-en-uk/" + ENCODER)).exists();

        Run fp32 = run("fetch", "--variant", "fp32", "opus-mt-en-uk");
        assertThat(fp32.code()).as(fp32.all()).isZero();
        assertThat(fp32.out()).contains("opus-mt-en-uk: installed 7 files");
        assertThat(models.resolve("opus-mt-en-uk/onnx/encoder_model.onnx")).hasSize(10);
        assertThat(models.resolve("opus-mt-en-uk/onnx/decoder_model_merged.onnx"))
                .hasSize(20);
        assertThat(models.resolve("opus-mt-en-uk/" + ENCODER))
                .as("the other variant is replaced, not kept")
                .doesNotExist();
        assertThat(run("verify", "opus-mt-en-uk").out()).contains("opus-mt-en-uk: ok (7 files");
    }

    @Test
    void listSaysWhichGraphsTheCommandsLoadAndWhetherTheyAreThere() throws IOException {
        // This catalog fetches the quantized graphs; every command loads fp32 unless a job file or --variant says
        // otherwise.
        assertThat(run("fetch", "opus-mt-en-uk").code()).isZero();
        Run list = run("list");
        assertThat(list.code()).as(list.all()).isZero();
        assertThat(list.out())
                .containsPattern("(?m)^NAME .*SIZE\\s+LOADS$")
                .containsPattern("(?m)^opus-mt-en-uk .*yes .* fp32: MISSING \\(has quantized\\)$")
                .containsPattern("(?m)^opus-mt-uk-en .*no .*-$")
                .contains("loads: what run, translate, summarise, eval and bench load: fp32 (the default;");

        Path job = tmp.resolve("job.yaml");
        Files.writeString(job, "models:\n  variant: quantized\n");
        Run quantized = run("list", "--job", job.toString());
        assertThat(quantized.code()).as(quantized.all()).isZero();
        assertThat(quantized.out())
                .containsPattern("(?m)^opus-mt-en-uk .*yes .* quantized$")
                .contains(
                        "loads: what the night of " + job + " loads: quantized (its models.variant, else the default)");

        assertThat(run("fetch", "--variant", "fp32", "opus-mt-en-uk").code()).isZero();
        assertThat(run("list").out()).containsPattern("(?m)^opus-mt-en-uk .*yes .* fp32$");

        Files.writeString(job, "models:\n  variant: int4\n");
        Run bad = run("list", "--job", job.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertOneCleanErrorLine(bad);
        assertThat(bad.err()).contains("models.variant: unknown variant 'int4'");
    }

    @Test
    void verifyReportsAChangedFileAndTheFixCommand() throws IOException {
        assertThat(run("fetch", "opus-mt-en-uk").code()).isZero();
        Path enc = models.resolve("opus-mt-en-uk").resolve(ENCODER);
        byte[] b = Files.readAllBytes(enc);
        b[0] ^= 1;
        Files.write(enc, b);

        Run v = run("verify", "opus-mt-en-uk");

        assertThat(v.code()).isEqualTo(1);
        assertThat(v.out())
                .contains("opus-mt-en-uk: changed: " + ENCODER)
                .contains("fix: java -jar target/briefs.jar models fetch opus-mt-en-uk");
        Run notInstalled = run("verify", "opus-mt-uk-en");
        assertThat(notInstalled.code()).isEqualTo(1);
        assertThat(notInstalled.out()).contains("opus-mt-uk-en: not installed");
        Run list = run("list");
        assertThat(list.out()).containsPattern("opus-mt-en-uk .* yes\\s+ok \\(sizes\\)");
        Run listFull = run("list", "--verify");
        assertThat(listFull.out()).contains("CHANGED: " + ENCODER);
    }

    @Test
    void userErrorsAreOneLineAndExitTwo() {
        Run unknown = run("fetch", "no-such-model");
        assertThat(unknown.code()).isEqualTo(2);
        assertOneCleanErrorLine(unknown);
        assertThat(unknown.err()).contains("unknown model 'no-such-model'");

        Run evil = run("fetch", "../../etc");
        assertThat(evil.code()).isEqualTo(2);
        assertOneCleanErrorLine(evil);

        Run bad = run("fetch", "Xenova/a\\b");
        assertThat(bad.code()).isEqualTo(2);
        assertOneCleanErrorLine(bad);

        Run notFound = run("fetch", "Xenova/not-there");
        assertThat(notFound.code()).isEqualTo(2);
        assertOneCleanErrorLine(notFound);
        assertThat(notFound.err()).contains("404");

        Run noCatalog = runRaw(
                "--models-dir",
                models.toString(),
                "--catalog",
                tmp.resolve("nope.yaml").toString(),
                "list");
        assertThat(noCatalog.code()).isEqualTo(2);
        assertOneCleanErrorLine(noCatalog);
        assertThat(noCatalog.err()).contains("catalog not found");

        Run badVariant = run("fetch", "--variant", "int4", "opus-mt-en-uk");
        assertThat(badVariant.code()).isEqualTo(2);
        assertOneCleanErrorLine(badVariant);
        assertThat(badVariant.err()).contains("unknown variant 'int4': use fp32, quantized, q4 or fp16");

        Run badEndpoint = run("fetch", "--endpoint", "ftp://example.org", "opus-mt-en-uk");
        assertThat(badEndpoint.code()).isEqualTo(2);
        assertOneCleanErrorLine(badEndpoint);

        env.put("HF_HUB_OFFLINE", "1");
        Run offline = run("fetch");
        assertThat(offline.code()).isEqualTo(2);
        assertOneCleanErrorLine(offline);
        env.remove("HF_HUB_OFFLINE");

        Run verifyUnknown = run("verify", "nothing-here");
        assertThat(verifyUnknown.code()).isEqualTo(2);
        assertOneCleanErrorLine(verifyUnknown);

        Run none = run();
        assertThat(none.code()).isEqualTo(2);

        CommandLine configured = ModelsCommand.newCommandLine(new ModelsCommand(env, s -> s));
        StringWriter err = new StringWriter();
        configured.setErr(new PrintWriter(err, true));
        assertThat(configured.execute("fetch", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString().lines().toList())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .contains("--no-such-option")
                .contains("models fetch --help");
    }

    @Test
    void brokenCatalogIsAUserError() throws IOException {
        Files.writeString(catalog, "models:\n  - name: x\n    repo: a/b\n    task: dancing\n    languages: [en]\n");
        Run r = run("list");
        assertThat(r.code()).isEqualTo(2);
        assertOneCleanErrorLine(r);
        assertThat(r.err()).contains("model 'x'").contains("unknown task 'dancing'");
    }

    @Test
    void unauthorizedTellsToSetHfTokenAndTheTokenIsNeverPrinted() {
        hub.requireToken(TOKEN);

        Run noToken = run("fetch", "opus-mt-en-uk");
        assertThat(noToken.code()).isEqualTo(2);
        assertThat(noToken.err()).contains("401").contains("set HF_TOKEN");

        env.put("HF_TOKEN", "hf_wrong_one_000");
        Run wrong = run("fetch", "opus-mt-en-uk");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.all()).contains("HF_TOKEN").doesNotContain("hf_wrong_one_000");

        env.put("HF_TOKEN", TOKEN);
        Run ok = run("fetch", "opus-mt-en-uk", "Xenova/nllb-200-distilled-600M");
        assertThat(ok.code()).as(ok.all()).isZero();
        assertThat(ok.all()).doesNotContain(TOKEN);
        assertThat(hub.requests())
                .filteredOn(q -> TOKEN.equals(
                        q.authorization() == null ? null : q.authorization().substring("Bearer ".length())))
                .isNotEmpty();
        assertThat(models.resolve("nllb-200-distilled-600M/briefs-manifest.json"))
                .exists();
    }

    @Test
    void aNetworkFailureExitsOne() {
        env.put("HF_ENDPOINT", hub.endpoint());
        hub.close();

        Run r = run("fetch", "opus-mt-en-uk");

        assertThat(r.code()).isEqualTo(1);
        List<String> errors =
                r.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertThat(errors).singleElement().asString().contains("2 attempts");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void endpointOptionOverridesHfEndpointAndOptionsWorkOnEitherSideOfTheSubcommand() {
        env.put("HF_ENDPOINT", "http://127.0.0.1:9"); // nothing listens there
        ModelsCommand cmd = new ModelsCommand(env, s -> s);
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));

        int code = cl.execute(
                "fetch",
                "--models-dir",
                models.toString(),
                "--catalog",
                catalog.toString(),
                "--endpoint",
                hub.endpoint(),
                "opus-mt-uk-en");

        assertThat(code).as(err.toString()).isZero();
        assertThat(models.resolve("opus-mt-uk-en/briefs-manifest.json")).exists();

        Run parentSide = run("--endpoint", hub.endpoint(), "fetch", "opus-mt-en-uk");
        assertThat(parentSide.code()).as(parentSide.all()).isZero();
        assertThat(models.resolve("opus-mt-en-uk/briefs-manifest.json")).exists();
    }

    @Test
    void fetchOfABundledModelSaysSo() {
        Run r = run("fetch", "all-minilm-l6-v2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("bundled");
        assertThat(hub.requests()).isEmpty();
    }
}
