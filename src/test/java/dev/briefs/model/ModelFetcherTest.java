package dev.briefs.model;

import static dev.briefs.model.Fixtures.DECODER;
import static dev.briefs.model.Fixtures.ENCODER;
import static dev.briefs.model.Fixtures.NAME;
import static dev.briefs.model.Fixtures.REPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.briefs.model.ModelStatus.State;
import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.HubSettings;
import dev.briefs.model.hub.IntegrityException;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.TestHub;
import dev.briefs.model.hub.TestHub.Fault;
import dev.briefs.optimum.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFetcherTest {

    @TempDir
    Path tmp;

    TestHub hub;
    Map<String, byte[]> files;
    String commit;
    Path models;
    ModelStore store;
    List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        hub = TestHub.start();
        files = Fixtures.marianRepo(1);
        commit = hub.addRepo(REPO, files);
        models = tmp.resolve("models");
        store = new ModelStore(models, Fixtures.catalog());
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    ModelFetcher fetcher(HubSettings settings) {
        return new ModelFetcher(store, new HubClient(settings, log::add), null, log::add);
    }

    ModelFetcher fetcher() {
        return fetcher(Fixtures.settings(hub));
    }

    @Test
    void fetchesTheCatalogFilesVerifiesAndInstallsWithAManifest() throws IOException {
        ModelFetcher.Result r = fetcher().fetch(NAME, Variant.QUANTIZED, false);

        assertThat(r.commit()).isEqualTo(commit);
        assertThat(r.files()).isEqualTo(7);
        Path dir = models.resolve(NAME);
        for (String f : VariantFiles.seq2seq(Variant.QUANTIZED)) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(files.get(f));
        }
        assertThat(dir.resolve("onnx/encoder_model.onnx")).doesNotExist();
        assertThat(dir.resolve("source.spm")).doesNotExist();
        Manifest m = Manifest.read(dir.resolve(Manifest.FILE_NAME));
        assertThat(m.repo()).isEqualTo(REPO);
        assertThat(m.revision()).isEqualTo("main");
        assertThat(m.commit()).isEqualTo(commit);
        assertThat(m.endpointHost()).isEqualTo(hub.hostAndPort());
        assertThat(m.fetchedAt()).isNotBlank();
        assertThat(m.files())
                .extracting(Manifest.FileEntry::path)
                .containsExactlyElementsOf(VariantFiles.seq2seq(Variant.QUANTIZED));
        assertThat(m.files())
                .filteredOn(f -> f.path().equals(ENCODER))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.sha256()).isEqualTo(TestHub.sha256(files.get(ENCODER)));
                    assertThat(f.size()).isEqualTo(300_000);
                });
        assertThat(leftovers()).isEmpty();
        assertThat(store.status(NAME).state()).isEqualTo(State.OK);
        assertThat(hub.requests())
                .allSatisfy(req -> assertThat(req.authorization()).isNull());
    }

    @Test
    void resumesACutTransferWithARangeRequest() throws IOException {
        hub.fault(REPO, ENCODER, Fault.cutAfter(100_000));

        fetcher().fetch(NAME, Variant.QUANTIZED, false);

        List<TestHub.Request> reqs = hub.fileRequests(REPO, ENCODER);
        assertThat(reqs).hasSize(2);
        assertThat(reqs.get(0).range()).isNull();
        assertThat(reqs.get(1).range()).matches("bytes=\\d+-");
        long from = Long.parseLong(reqs.get(1).range().replaceAll("\\D", ""));
        assertThat(from).isGreaterThan(0).isLessThanOrEqualTo(100_000);
        assertThat(ModelStore.sha256(models.resolve(NAME).resolve(ENCODER)))
                .isEqualTo(TestHub.sha256(files.get(ENCODER)));
        assertThat(log).anyMatch(l -> l.contains("retry 2/3"));
    }

    @Test
    void keepsAPartialDownloadAndResumesItOnTheNextRun() throws IOException {
        hub.fault(REPO, DECODER, Fault.cutAfter(150_000));
        HubSettings once = Fixtures.settings(hub).withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));

        ModelException e =
                catchThrowableOfType(() -> fetcher(once).fetch(NAME, Variant.QUANTIZED, false), ModelException.class);
        assertThat(e.kind()).isEqualTo(ModelException.Kind.FAILURE);
        assertThat(e.getMessage()).contains(DECODER).contains("1 attempts");
        assertThat(models.resolve(NAME)).doesNotExist();
        assertThat(store.status(NAME).state()).isEqualTo(State.NOT_INSTALLED);
        assertThat(store.hasPartial(NAME)).isTrue();

        hub.clearRequests();
        fetcher().fetch(NAME, Variant.QUANTIZED, false);

        assertThat(hub.fileRequests(REPO, ENCODER)).isEmpty(); // finished in the first run, verified, kept
        assertThat(hub.fileRequests(REPO, DECODER))
                .singleElement()
                .satisfies(r -> assertThat(r.range()).startsWith("bytes=").isNotEqualTo("bytes=0-"));
        assertThat(store.status(NAME).state()).isEqualTo(State.OK);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void rejectsBytesThatDoNotMatchTheHashAndInstallsNothing() throws IOException {
        hub.fault(REPO, DECODER, Fault.corrupt());

        IntegrityException e =
                catchThrowableOfType(() -> fetcher().fetch(NAME, Variant.QUANTIZED, false), IntegrityException.class);

        assertThat(e.getMessage()).contains(DECODER).contains("SHA-256").contains(TestHub.sha256(files.get(DECODER)));
        assertThat(e.expected()).isEqualTo(TestHub.sha256(files.get(DECODER)));
        assertThat(e.actual()).isNotEqualTo(e.expected()).hasSize(64);
        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(models.resolve(NAME)).doesNotExist();
        try (Stream<Path> s = Files.walk(models)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("decoder_model_merged_quantized.onnx"));
        }
    }

    @Test
    void rejectsAServerThatSendsMoreBytesThanAnnounced() {
        hub.fault(REPO, ENCODER, Fault.extraBytes(10));

        assertThatThrownBy(() -> fetcher().fetch(NAME, Variant.QUANTIZED, false))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining(ENCODER)
                .hasMessageContaining("size");
        assertThat(models.resolve(NAME)).doesNotExist();
    }

    @Test
    void notFoundIsAClearUserError() {
        ModelException e = catchThrowableOfType(
                () -> fetcher().fetch("Xenova/does-not-exist", Variant.QUANTIZED, false), ModelException.class);
        assertThat(e.kind()).isEqualTo(ModelException.Kind.USER);
        assertThat(e.getMessage()).contains("404").contains("Xenova/does-not-exist");

        ModelException rev = catchThrowableOfType(
                () -> fetcher().fetch(REPO + "@v9", Variant.QUANTIZED, false), ModelException.class);
        assertThat(rev.getMessage()).contains("404").contains("'v9'");
        assertThat(hub.requests()).hasSize(2); // 404 is not retried
    }

    @Test
    void forbiddenIsNotRetriedAndSaysTheRepoIsGated() {
        hub.fault(REPO, TestHub.LISTING, Fault.status(403));

        ModelException e =
                catchThrowableOfType(() -> fetcher().fetch(NAME, Variant.QUANTIZED, false), ModelException.class);

        assertThat(e.kind()).isEqualTo(ModelException.Kind.USER);
        assertThat(e.getMessage()).contains("403").contains("gated");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void aCatalogFileMissingFromTheRepoIsAUserError() {
        Map<String, byte[]> fewer = new TreeMap<>(files);
        fewer.remove(DECODER);
        hub.addRepo(REPO, fewer);

        assertThatThrownBy(() -> fetcher().fetch(NAME, Variant.QUANTIZED, false))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(DECODER)
                .hasMessageContaining("not in " + REPO);
    }

    @Test
    void unauthorizedSaysToSetHfToken() {
        hub.requireToken("hf_secret_value_123");

        ModelException e =
                catchThrowableOfType(() -> fetcher().fetch(NAME, Variant.QUANTIZED, false), ModelException.class);

        assertThat(e.kind()).isEqualTo(ModelException.Kind.USER);
        assertThat(e.getMessage()).contains("401").contains("set HF_TOKEN");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void sendsTheTokenAsBearerAndNeverPrintsIt() {
        String token = "hf_secret_value_123";
        hub.requireToken(token).redirectFiles(true);
        HubSettings s = Fixtures.settings(hub).withToken(token);

        fetcher(s).fetch(NAME, Variant.QUANTIZED, false);

        assertThat(hub.requests())
                .filteredOn(r -> !r.path().contains("/cdn-resolve/"))
                .hasSize(8)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
        // the redirect goes to another origin (the "CDN"): the token is not sent there
        assertThat(hub.requests())
                .filteredOn(r -> r.path().contains("/cdn-resolve/"))
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.authorization()).isNull());
        assertThat(String.join("\n", log)).doesNotContain(token);
        assertThat(s.toString()).doesNotContain(token);

        HubSettings wrong = Fixtures.settings(hub).withToken("hf_wrong_token_456");
        ModelException e =
                catchThrowableOfType(() -> fetcher(wrong).fetch(NAME, Variant.QUANTIZED, true), ModelException.class);
        assertThat(e.getMessage()).contains("401").contains("HF_TOKEN").doesNotContain("hf_wrong_token_456");
        assertThat(String.join("\n", log)).doesNotContain("hf_wrong_token_456");
    }

    @Test
    void aStalledServerTimesOutRetriesABoundedNumberOfTimesAndFailsClearly() {
        hub.fault(REPO, ENCODER, Fault.stall(50_000).always());

        long t0 = System.nanoTime();
        ModelException e =
                catchThrowableOfType(() -> fetcher().fetch(NAME, Variant.QUANTIZED, false), ModelException.class);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(e.kind()).isEqualTo(ModelException.Kind.FAILURE);
        assertThat(e.getMessage()).contains(ENCODER).contains("read timeout").contains("3 attempts");
        assertThat(hub.fileRequests(REPO, ENCODER)).hasSize(3);
        assertThat(hub.fileRequests(REPO, ENCODER).get(1).range()).isEqualTo("bytes=50000-");
        assertThat(ms).isLessThan(6_000);
        assertThat(models.resolve(NAME)).doesNotExist();
    }

    @Test
    void aServerThatNeverAnswersTimesOutToo() {
        hub.fault(REPO, TestHub.LISTING, Fault.stall(-1).always());

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> fetcher().fetch(NAME, Variant.QUANTIZED, false))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("3 attempts")
                .hasMessageContaining("timed out");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6_000);
        assertThat(hub.requests()).hasSize(3);
    }

    @Test
    void serverErrorsAreRetried() {
        hub.fault(REPO, TestHub.LISTING, Fault.status(503).times(2));

        fetcher().fetch(NAME, Variant.QUANTIZED, false);

        assertThat(hub.requests()).filteredOn(TestHub.Request::isListing).hasSize(3);
        assertThat(store.status(NAME).usable()).isTrue();
    }

    @Test
    void verifyDetectsAChangedFileAndAMissingOne() throws IOException {
        fetcher().fetch(NAME, Variant.QUANTIZED, false);
        Path enc = models.resolve(NAME).resolve(ENCODER);
        byte[] b = Files.readAllBytes(enc);
        b[10] ^= 1;
        Files.write(enc, b);

        ModelStatus st = store.status(NAME);
        assertThat(st.state()).isEqualTo(State.CHANGED);
        assertThat(st.changed()).containsExactly(ENCODER);
        assertThat(store.status(NAME, ModelStore.Check.QUICK).state()).isEqualTo(State.OK); // same size
        assertThat(ModelMessages.problem(st, "models"))
                .isEqualTo("model opus-mt-en-uk has changed files (" + ENCODER
                        + "); run: java -jar target/briefs.jar models fetch opus-mt-en-uk");
        assertThatThrownBy(() -> store.require(NAME, ModelStore.Check.FULL))
                .hasMessageContaining("models fetch opus-mt-en-uk");

        Files.delete(models.resolve(NAME).resolve("tokenizer.json"));
        ModelStatus st2 = store.status(NAME, ModelStore.Check.QUICK);
        assertThat(st2.state()).isEqualTo(State.INCOMPLETE);
        assertThat(st2.missing()).containsExactly("tokenizer.json");

        // fetching again repairs it, reusing the intact decoder
        hub.clearRequests();
        ModelFetcher.Result r = fetcher().fetch(NAME, Variant.QUANTIZED, false);
        assertThat(r.alreadyInstalled()).isFalse();
        assertThat(store.status(NAME).state()).isEqualTo(State.OK);
        assertThat(hub.fileRequests(REPO, DECODER)).isEmpty();
        assertThat(hub.fileRequests(REPO, ENCODER)).hasSize(1);
    }

    @Test
    void fetchingAnInstalledModelAgainDoesNothing() {
        fetcher().fetch(NAME, Variant.QUANTIZED, false);
        hub.clearRequests();

        ModelFetcher.Result r = fetcher().fetch(NAME, Variant.QUANTIZED, false);

        assertThat(r.alreadyInstalled()).isTrue();
        assertThat(hub.requests())
                .singleElement()
                .satisfies(q -> assertThat(q.isListing()).isTrue());
    }

    @Test
    void aNewCommitReplacesTheInstallAtomically() throws IOException {
        fetcher().fetch(NAME, Variant.QUANTIZED, false);
        Map<String, byte[]> v2 = Fixtures.marianRepo(2);
        String commit2 = hub.addRepo(REPO, v2);

        fetcher().fetch(NAME, Variant.QUANTIZED, false);

        Manifest m = Manifest.read(models.resolve(NAME).resolve(Manifest.FILE_NAME));
        assertThat(m.commit()).isEqualTo(commit2);
        assertThat(Files.readAllBytes(models.resolve(NAME).resolve(ENCODER))).isEqualTo(v2.get(ENCODER));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aRepoWithoutCatalogEntryGetsTheVariantsFilesFromItsListing() throws IOException {
        hub.addRepo("someone/marian-xx", files);

        ModelFetcher.Result r = fetcher().fetch("someone/marian-xx", Variant.QUANTIZED, false);

        assertThat(r.name()).isEqualTo("someone--marian-xx");
        Manifest m = Manifest.read(models.resolve("someone--marian-xx").resolve(Manifest.FILE_NAME));
        assertThat(m.files())
                .extracting(Manifest.FileEntry::path)
                .containsExactlyInAnyOrder(
                        "config.json",
                        "generation_config.json",
                        "tokenizer.json",
                        "tokenizer_config.json",
                        "special_tokens_map.json",
                        "source.spm",
                        ENCODER,
                        DECODER);

        ModelFetcher.Result fp32 = fetcher()
                .fetch(new FetchTarget("marian-fp32", "someone/marian-xx", "main", Variant.FP32, null, false), false);
        assertThat(Manifest.read(fp32.dir().resolve(Manifest.FILE_NAME)).files())
                .extracting(Manifest.FileEntry::path)
                .contains("onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx")
                .doesNotContain(ENCODER);
    }

    @Test
    void aRepoWithARevisionIsFetchedAtThatCommitUnderTheCatalogName() throws IOException {
        String first = commit;
        hub.addRepo(REPO, Fixtures.marianRepo(3));

        fetcher().fetch(REPO + "@" + first, Variant.QUANTIZED, false);

        Manifest m = Manifest.read(models.resolve(NAME).resolve(Manifest.FILE_NAME));
        assertThat(m.commit()).isEqualTo(first);
        assertThat(m.revision()).isEqualTo(first);
    }

    @Test
    void refusesUnsafeFileNamesFromTheHub() {
        hub.addRepo(
                "evil/repo", Map.of("config.json", new byte[] {1}, "onnx/..\\..\\evil_quantized.onnx", new byte[] {2}));

        assertThatThrownBy(() -> fetcher().fetch("evil/repo", Variant.QUANTIZED, false))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("unsafe");
        assertThat(tmp.resolve("evil_quantized.onnx")).doesNotExist();
    }

    @Test
    void preflightListsEveryUnusableModelWithItsFixCommand() {
        assertThat(store.problems(List.of(NAME, "all-minilm-l6-v2"), ModelStore.Check.QUICK))
                .containsExactly("model opus-mt-en-uk is not installed in " + models
                        + "/; run: java -jar target/briefs.jar models fetch opus-mt-en-uk");
        fetcher().fetch(NAME, Variant.QUANTIZED, false);
        assertThat(store.problems(List.of(NAME, "all-minilm-l6-v2"), ModelStore.Check.FULL))
                .isEmpty();
        assertThat(store.require(NAME, ModelStore.Check.QUICK)).isEqualTo(models.resolve(NAME));
    }

    @Test
    void aPinnedCommitInTheCatalogMakesAnotherInstalledCommitOutdated() {
        fetcher().fetch(NAME, Variant.QUANTIZED, false);
        String pinned = hub.addRepo(REPO, Fixtures.marianRepo(5));
        ModelCatalog pinnedCatalog = new ModelCatalog(
                List.of(new CatalogEntry(
                        NAME,
                        REPO,
                        pinned,
                        Task.TRANSLATION,
                        List.of("en"),
                        List.of("uk"),
                        Variant.QUANTIZED,
                        VariantFiles.seq2seq(Variant.QUANTIZED),
                        false,
                        false,
                        "",
                        -1)),
                null);
        ModelStore pinnedStore = new ModelStore(models, pinnedCatalog);

        ModelStatus st = pinnedStore.status(NAME);
        assertThat(st.state()).isEqualTo(State.OUTDATED);
        assertThat(st.detail()).contains(commit).contains(pinned);

        new ModelFetcher(pinnedStore, new HubClient(Fixtures.settings(hub), log::add), null, log::add)
                .fetch(NAME, Variant.QUANTIZED, false);
        assertThat(pinnedStore.status(NAME).state()).isEqualTo(State.OK);
    }

    @Test
    void bundledModelsAreNotFetched() {
        assertThatThrownBy(() -> fetcher().fetch("all-minilm-l6-v2", Variant.QUANTIZED, false))
                .hasMessageContaining("bundled");
        assertThat(store.status("all-minilm-l6-v2").state()).isEqualTo(State.BUNDLED);
        assertThat(hub.requests()).isEmpty();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(models)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".partial-") || n.contains(".old-") || n.endsWith(".incomplete"))
                    .toList();
        }
    }
}
