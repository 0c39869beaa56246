package dev.briefs.model;

import static dev.briefs.model.Fixtures.DECODER;
import static dev.briefs.model.Fixtures.ENCODER;
import static dev.briefs.model.Fixtures.NAME;
import static dev.briefs.model.Fixtures.REPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.briefs.model.ModelStatus.State;
import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.ModelException;
import dev.briefs.model.hub.TestHub;
import dev.briefs.optimum.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog model pinned to a commit, with the sizes and SHA-256 its files have there, fetched from the loopback
 * hub and from loopback mirrors that answer for the same commit.
 */
class PinnedFetchTest {

    @TempDir
    Path tmp;

    TestHub hub;
    Path models;
    String pinned;
    String newer;
    List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        hub = TestHub.start();
        pinned = hub.addRepo(REPO, Fixtures.marianRepo(1));
        // main moved on since the pin, to a re-export whose encoder is smaller
        Map<String, byte[]> reexport = new TreeMap<>(Fixtures.marianRepo(2));
        reexport.put(ENCODER, Fixtures.bytes(new Random(2), 250_000));
        newer = hub.addRepo(REPO, reexport);
        models = tmp.resolve("models");
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    /** The pinned commit's real sizes: one exact, one as a hub page rounds it. */
    static Map<String, String> sizesOfThePin() {
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put(ENCODER, "300 kB");
        sizes.put(DECODER, "400000");
        return sizes;
    }

    CatalogEntry entry(Map<String, String> sizes) {
        return entry(sizes, Map.of());
    }

    CatalogEntry entry(Map<String, String> sizes, Map<String, String> sha256) {
        Map<String, ExpectedSize> parsed = new LinkedHashMap<>();
        sizes.forEach((path, size) -> parsed.put(path, ExpectedSize.parse(size)));
        return new CatalogEntry(
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
                -1,
                parsed,
                sha256);
    }

    /**
     * The SHA-256 of the pinned commit's files, as public records give them: the two graphs (LFS files, whose
     * hash the listing gives) and config.json (a small file the listing gives only a git blob id for).
     */
    static Map<String, String> hashesOfThePin() {
        Map<String, byte[]> pin = Fixtures.marianRepo(1);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String f : List.of(ENCODER, DECODER, CONFIG)) {
            hashes.put(f, TestHub.sha256(pin.get(f)));
        }
        return hashes;
    }

    static final String CONFIG = "config.json";

    ModelFetcher fetcher(CatalogEntry e) {
        return fetcher(e, hub);
    }

    ModelFetcher fetcher(CatalogEntry e, TestHub endpoint) {
        ModelStore store = new ModelStore(models, new ModelCatalog(List.of(e), null));
        return new ModelFetcher(store, new HubClient(Fixtures.settings(endpoint), log::add), null, log::add);
    }

    ModelStore store(CatalogEntry e) {
        return new ModelStore(models, new ModelCatalog(List.of(e), null));
    }

    /** A mirror that answers for the pinned commit with the pin's files, {@code path} replaced by {@code bytes}. */
    TestHub mirrorWith(String path, byte[] bytes) {
        TestHub mirror = TestHub.start();
        Map<String, byte[]> files = new TreeMap<>(Fixtures.marianRepo(1));
        if (path != null) {
            files.put(path, bytes);
        }
        mirror.addRepoAt(REPO, pinned, files);
        return mirror;
    }

    @Test
    void aPinnedModelIsFetchedAtItsCommitNotAtMain() {
        ModelFetcher.Result r = fetcher(entry(sizesOfThePin())).fetch(NAME, Variant.QUANTIZED, false);

        assertThat(r.commit()).isEqualTo(pinned).isNotEqualTo(newer);
        assertThat(hub.requests())
                .filteredOn(TestHub.Request::isListing)
                .singleElement()
                .satisfies(req -> assertThat(req.path()).endsWith("/revision/" + pinned));
        assertThat(hub.requests())
                .filteredOn(req -> !req.isListing())
                .isNotEmpty()
                .allSatisfy(req -> assertThat(req.path()).contains("/resolve/" + pinned + "/"));
        assertThat(log).contains(NAME + ": the hub lists the catalog's sizes for 2 file(s) at commit " + pinned);
    }

    @Test
    void aListedSizeThatIsNotTheCatalogsIsRefusedBeforeAnyDownload() {
        Map<String, String> wrong = sizesOfThePin();
        wrong.put(ENCODER, "0.31 MB");
        ModelFetcher fetcher = fetcher(entry(wrong));

        ModelException e =
                catchThrowableOfType(() -> fetcher.fetch(NAME, Variant.QUANTIZED, false), ModelException.class);

        assertThat(e.kind()).as("the user must check the pin: exit 2").isEqualTo(ModelException.Kind.USER);
        assertThat(e.getMessage())
                .doesNotContain("\n")
                .contains(ENCODER)
                .contains("300,000 bytes")
                .contains("0.31 MB (305,000 to 315,000 bytes)")
                .contains("commit " + pinned)
                .contains(REPO)
                .contains("nothing was downloaded")
                .contains("models fetch " + NAME + "@REVISION");
        assertThat(hub.requests()).as("only the listing was asked for").allMatch(TestHub.Request::isListing);
        ModelStore store = new ModelStore(models, new ModelCatalog(List.of(entry(wrong)), null));
        assertThat(store.status(NAME).state()).isEqualTo(State.NOT_INSTALLED);
        assertThat(store.hasPartial(NAME)).as("no partial download either").isFalse();
    }

    @Test
    void sizesApplyToTheVariantFetchedByItsFileNames() {
        Map<String, String> sizes = sizesOfThePin();
        sizes.put("onnx/encoder_model.onnx", "2 kB"); // the fp32 graph of the fixture has 1000 bytes
        CatalogEntry e = entry(sizes);

        ModelException refused = catchThrowableOfType(
                () -> fetcher(e).fetch(FetchTarget.of(e, null).withVariant(Variant.FP32), false), ModelException.class);
        assertThat(refused.getMessage()).contains("onnx/encoder_model.onnx is listed at 1,000 bytes");

        assertThat(fetcher(e).fetch(FetchTarget.of(e, null), false).commit())
                .as("the quantized files' sizes match")
                .isEqualTo(pinned);
    }

    @Test
    void aMirrorThatListsAnotherSha256ThanTheCatalogsIsRefusedBeforeAnyDownload() {
        // the same size, so only the hash tells it from the pinned encoder
        byte[] other = Fixtures.bytes(new Random(9), 300_000);
        try (TestHub mirror = mirrorWith(ENCODER, other)) {
            CatalogEntry e = entry(sizesOfThePin(), hashesOfThePin());

            ModelException refused = catchThrowableOfType(
                    () -> fetcher(e, mirror).fetch(NAME, Variant.QUANTIZED, false), ModelException.class);

            assertThat(refused.kind())
                    .as("the user must pick another endpoint or check the pin: exit 2")
                    .isEqualTo(ModelException.Kind.USER);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.getMessage())
                    .doesNotContain("\n")
                    .startsWith("SHA-256 check failed at commit " + pinned)
                    .contains(REPO)
                    .contains(mirror.hostAndPort())
                    .contains(ENCODER + " is listed with SHA-256 " + TestHub.sha256(other))
                    .contains("the catalog expects " + hashesOfThePin().get(ENCODER))
                    .contains("nothing was downloaded")
                    .contains("models fetch " + NAME + "@REVISION");
            assertThat(mirror.requests())
                    .as("only the listing was asked for")
                    .isNotEmpty()
                    .allMatch(TestHub.Request::isListing);
            assertThat(store(e).status(NAME).state()).isEqualTo(State.NOT_INSTALLED);
            assertThat(store(e).hasPartial(NAME))
                    .as("no partial download either")
                    .isFalse();
        }
    }

    @Test
    void aMirrorServingBytesThatMatchItsOwnListingButNotTheCatalogIsRefused() throws IOException {
        // config.json is small: the listing gives its git blob id, no SHA-256, so only the download can tell
        byte[] other = "{\"file\": \"config.json\", \"from\": \"a mirror\"}\n".getBytes(StandardCharsets.UTF_8);
        CatalogEntry e = entry(sizesOfThePin(), hashesOfThePin());
        try (TestHub mirror = mirrorWith(CONFIG, other)) {
            ModelException refused = catchThrowableOfType(
                    () -> fetcher(e, mirror).fetch(NAME, Variant.QUANTIZED, false), ModelException.class);

            assertThat(refused.kind()).isEqualTo(ModelException.Kind.USER);
            assertThat(refused.getMessage())
                    .doesNotContain("\n")
                    .startsWith(CONFIG + " as downloaded from " + mirror.hostAndPort() + " at commit " + pinned)
                    .contains("has SHA-256 " + TestHub.sha256(other))
                    .contains("the catalog expects " + hashesOfThePin().get(CONFIG))
                    .contains("gave no SHA-256 for it")
                    .contains("nothing was installed");
            assertThat(mirror.fileRequests(REPO, CONFIG))
                    .as("the mirror's own checks passed: it was downloaded")
                    .isNotEmpty();
        }
        assertThat(store(e).status(NAME).state()).isEqualTo(State.NOT_INSTALLED);
        try (Stream<Path> left = Files.walk(models)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith(CONFIG)))
                    .as("the mirror's config.json was deleted")
                    .isEmpty();
        }

        ModelFetcher.Result r = fetcher(e).fetch(NAME, Variant.QUANTIZED, false);

        assertThat(r.commit())
                .as("the hub's files install, reusing what matched")
                .isEqualTo(pinned);
        assertThat(Files.readAllBytes(models.resolve(NAME).resolve(CONFIG)))
                .isEqualTo(Fixtures.marianRepo(1).get(CONFIG));
    }

    @Test
    void filesWithTheCatalogsSha256InstallFromTheHubAndFromAFaithfulMirror() throws IOException {
        CatalogEntry e = entry(sizesOfThePin(), hashesOfThePin());
        try (TestHub mirror = mirrorWith(null, null)) {
            ModelFetcher.Result r = fetcher(e, mirror).fetch(NAME, Variant.QUANTIZED, false);

            assertThat(r.commit()).isEqualTo(pinned);
            assertThat(r.alreadyInstalled()).isFalse();
            assertThat(log).contains(NAME + ": the hub lists the catalog's SHA-256 for 2 file(s) at commit " + pinned);
            Manifest m = Manifest.read(models.resolve(NAME).resolve(Manifest.FILE_NAME));
            assertThat(m.endpointHost()).isEqualTo(mirror.hostAndPort());
            assertThat(m.files())
                    .filteredOn(f -> hashesOfThePin().containsKey(f.path()))
                    .hasSize(3)
                    .allSatisfy(f ->
                            assertThat(f.sha256()).isEqualTo(hashesOfThePin().get(f.path())));
        }
        assertThat(store(e).status(NAME).state()).isEqualTo(State.OK);
        assertThat(fetcher(e).fetch(NAME, Variant.QUANTIZED, false).alreadyInstalled())
                .as("the same commit with the catalog's files is not fetched again from the hub")
                .isTrue();
    }

    @Test
    void anInstallOfThePinnedCommitWithOtherFilesThanTheCatalogsIsFetchedAgain() throws IOException {
        byte[] other = "{\"file\": \"config.json\", \"from\": \"a mirror\"}\n".getBytes(StandardCharsets.UTF_8);
        try (TestHub mirror = mirrorWith(CONFIG, other)) {
            // installed before the catalog had hashes, from a mirror that served another config.json
            fetcher(entry(sizesOfThePin()), mirror).fetch(NAME, Variant.QUANTIZED, false);
        }
        assertThat(Files.readAllBytes(models.resolve(NAME).resolve(CONFIG))).isEqualTo(other);
        CatalogEntry e = entry(sizesOfThePin(), hashesOfThePin());

        ModelFetcher.Result r = fetcher(e).fetch(NAME, Variant.QUANTIZED, false);

        assertThat(r.alreadyInstalled())
                .as("the install's config.json is not the pinned one")
                .isFalse();
        assertThat(Files.readAllBytes(models.resolve(NAME).resolve(CONFIG)))
                .isEqualTo(Fixtures.marianRepo(1).get(CONFIG));
    }

    @Test
    void anotherRevisionAskedForOnPurposeSkipsTheCatalogsSizesAndHashes() {
        CatalogEntry e = entry(sizesOfThePin(), hashesOfThePin());
        FetchTarget other = new ModelCatalog(List.of(e), null).resolve(NAME + "@" + newer, Variant.QUANTIZED);

        assertThat(other.expectedSha256()).isEmpty();
        assertThat(PinnedSizes.skippedNote(e, other))
                .contains("file sizes and SHA-256")
                .contains("not checked");
        assertThat(fetcher(e).fetch(other, false).commit())
                .as("its files are not the pin's")
                .isEqualTo(newer);
        FetchTarget samePin = new ModelCatalog(List.of(e), null).resolve(NAME + "@" + pinned, Variant.QUANTIZED);
        assertThat(samePin.expectedSha256())
                .as("NAME@ the pinned commit is the pin")
                .isEqualTo(hashesOfThePin());
        assertThat(samePin.withVariant(Variant.FP32).expectedSha256())
                .as("kept for the other variants' files")
                .isEqualTo(hashesOfThePin());
    }

    @Test
    void anotherRevisionAskedForOnPurposeSkipsTheCatalogsSizes() {
        CatalogEntry e = entry(sizesOfThePin());
        FetchTarget other = new ModelCatalog(List.of(e), null).resolve(NAME + "@" + newer, Variant.QUANTIZED);

        assertThat(other.revision()).isEqualTo(newer);
        assertThat(other.expectedSizes()).isEmpty();
        assertThat(PinnedSizes.skippedNote(e, other))
                .contains(newer)
                .contains(pinned)
                .contains("not checked");
        ModelFetcher.Result r = fetcher(e).fetch(other, false);
        assertThat(r.commit())
                .as("its encoder has 250,000 bytes, not the pin's 300 kB")
                .isEqualTo(newer);

        FetchTarget samePin = new ModelCatalog(List.of(e), null).resolve(NAME + "@" + pinned, Variant.QUANTIZED);
        assertThat(samePin.expectedSizes())
                .as("NAME@ the pinned commit is the pin")
                .hasSize(2);
        assertThat(PinnedSizes.skippedNote(e, samePin)).isNull();
    }
}
