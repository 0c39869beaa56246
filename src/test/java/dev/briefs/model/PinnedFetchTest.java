package dev.briefs.model;

import dev.briefs.optimum.Variant;
import dev.briefs.model.hub.ModelException;
import static dev.briefs.model.Fixtures.DECODER;
import static dev.briefs.model.Fixtures.ENCODER;
import static dev.briefs.model.Fixtures.NAME;
import static dev.briefs.model.Fixtures.REPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.briefs.model.ModelStatus.State;
import dev.briefs.model.hub.HubClient;
import dev.briefs.model.hub.TestHub;

/** A catalog model pinned to a commit, with the sizes its files have there, fetched from the loopback hub. */
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
        Map<String, ExpectedSize> parsed = new LinkedHashMap<>();
        sizes.forEach((path, size) -> parsed.put(path, ExpectedSize.parse(size)));
        return new CatalogEntry(NAME, REPO, pinned, Task.TRANSLATION, List.of("en"), List.of("uk"), Variant.QUANTIZED,
                VariantFiles.seq2seq(Variant.QUANTIZED), false, false, "", -1, parsed);
    }

    ModelFetcher fetcher(CatalogEntry e) {
        ModelStore store = new ModelStore(models, new ModelCatalog(List.of(e), null));
        return new ModelFetcher(store, new HubClient(Fixtures.settings(hub), log::add), null, log::add);
    }

    @Test
    void aPinnedModelIsFetchedAtItsCommitNotAtMain() {
        ModelFetcher.Result r = fetcher(entry(sizesOfThePin())).fetch(NAME, Variant.QUANTIZED, false);

        assertThat(r.commit()).isEqualTo(pinned).isNotEqualTo(newer);
        assertThat(hub.requests()).filteredOn(TestHub.Request::isListing).singleElement()
                .satisfies(req -> assertThat(req.path()).endsWith("/revision/" + pinned));
        assertThat(hub.requests()).filteredOn(req -> !req.isListing()).isNotEmpty()
                .allSatisfy(req -> assertThat(req.path()).contains("/resolve/" + pinned + "/"));
        assertThat(log).contains(NAME + ": the hub lists the catalog's sizes for 2 file(s) at commit " + pinned);
    }

    @Test
    void aListedSizeThatIsNotTheCatalogsIsRefusedBeforeAnyDownload() {
        Map<String, String> wrong = sizesOfThePin();
        wrong.put(ENCODER, "0.31 MB");
        ModelFetcher fetcher = fetcher(entry(wrong));

        ModelException e = catchThrowableOfType(() -> fetcher.fetch(NAME, Variant.QUANTIZED, false), ModelException.class);

        assertThat(e.kind()).as("the user must check the pin: exit 2").isEqualTo(ModelException.Kind.USER);
        assertThat(e.getMessage()).doesNotContain("\n").contains(ENCODER).contains("300,000 bytes")
                .contains("0.31 MB (305,000 to 315,000 bytes)").contains("commit " + pinned).contains(REPO)
                .contains("nothing was downloaded").contains("models fetch " + NAME + "@REVISION");
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

        assertThat(fetcher(e).fetch(FetchTarget.of(e, null), false).commit()).as("the quantized files' sizes match")
                .isEqualTo(pinned);
    }

    @Test
    void anotherRevisionAskedForOnPurposeSkipsTheCatalogsSizes() {
        CatalogEntry e = entry(sizesOfThePin());
        FetchTarget other = new ModelCatalog(List.of(e), null).resolve(NAME + "@" + newer, Variant.QUANTIZED);

        assertThat(other.revision()).isEqualTo(newer);
        assertThat(other.expectedSizes()).isEmpty();
        assertThat(PinnedSizes.skippedNote(e, other)).contains(newer).contains(pinned).contains("not checked");
        ModelFetcher.Result r = fetcher(e).fetch(other, false);
        assertThat(r.commit()).as("its encoder has 250,000 bytes, not the pin's 300 kB").isEqualTo(newer);

        FetchTarget samePin = new ModelCatalog(List.of(e), null).resolve(NAME + "@" + pinned, Variant.QUANTIZED);
        assertThat(samePin.expectedSizes()).as("NAME@ the pinned commit is the pin").hasSize(2);
        assertThat(PinnedSizes.skippedNote(e, samePin)).isNull();
    }
}
