package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.briefs.inference.onnx.DecoderLayout;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.inference.onnx.OnnxSeq2SeqModel;
import dev.briefs.optimum.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Parity at real size: random-weight models with the real dimensions of opus-mt and
 * distilbart-cnn-6-6 (gigabytes, so not committed), built with their reference outputs by
 * {@code make_tiny_models.py --full-size DIR --parity}. Runs only when
 * {@code -Dbriefs.realSizeParity=DIR} (or env {@code BRIEFS_REAL_SIZE_PARITY}) names that folder;
 * the tiny fixtures cannot show what only large widths, 6 layers or 1000-token inputs do to the
 * numbers. Same assertions as {@link ParityTest}: every recorded case, token for token, on every
 * decoder layout the folder has (fp32: merged and split; quantized: merged only).
 */
public class RealSizeParityTest {

    static final String PROPERTY = "briefs.realSizeParity";
    static final String ENV = "BRIEFS_REAL_SIZE_PARITY";

    static Path root() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return p == null || p.isBlank() ? null : Paths.get(p);
    }

    // One model at a time (tests run in order, grouped by model/variant/layout): the real-size graphs
    // take gigabytes, so the previous one is closed before the next loads.
    private static String loadedKey;
    private static OnnxSeq2SeqModel loaded;

    static synchronized OnnxSeq2SeqModel model(Path dir, Variant variant, DecoderLayout layout) {
        String key = dir + "/" + variant + "/" + layout;
        if (!key.equals(loadedKey)) {
            closeModel();
            loaded = OnnxSeq2SeqModel.load(
                    dir, OnnxModelOptions.defaults().withVariant(variant).withLayout(layout));
            loadedKey = key;
        }
        return loaded;
    }

    @AfterAll
    static synchronized void closeModel() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
            loadedKey = null;
        }
    }

    @TestFactory
    Stream<DynamicNode> realSizeParity() throws Exception {
        Path root = root();
        if (root == null) {
            // a skipped test, not an aborted factory: surefire counts and shows the skip with its reason
            return Stream.of(
                    DynamicTest.dynamicTest(
                            "real-size parity",
                            () -> assumeTrue(
                                    false,
                                    "real-size parity skipped: set -D" + PROPERTY + "=DIR (or " + ENV
                                            + ") to a folder made by tools/fixtures/make_tiny_models.py --full-size DIR --parity")));
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("expected.json")))
                    .sorted()
                    .toList();
        }
        // a folder given on purpose must hold something to check: an empty one is a setup error, not a pass
        assertThat(dirs).as("model folders with expected.json under %s", root).isNotEmpty();
        ObjectMapper mapper = new ObjectMapper();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            JsonNode expected = mapper.readTree(dir.resolve("expected.json").toFile());
            BeamSearch.LengthConvention conv = BeamSearch.LengthConvention.forTransformersVersion(
                    expected.path("versions").path("transformers").asString(null));
            for (Variant variant : List.of(Variant.FP32, Variant.QUANTIZED)) {
                for (DecoderLayout layout : DecoderLayout.values()) {
                    String suffix = variant == Variant.QUANTIZED ? "_quantized" : "";
                    if (layout == DecoderLayout.SPLIT
                            && !Files.isRegularFile(dir.resolve("onnx/decoder_with_past_model" + suffix + ".onnx"))) {
                        continue; // the quantized real-size export has the merged decoder only
                    }
                    List<DynamicNode> tests = new ArrayList<>();
                    for (JsonNode c : expected.get("cases")) {
                        if (Variant.parse(c.get("variant").asString()) != variant) {
                            continue;
                        }
                        tests.add(DynamicTest.dynamicTest(c.get("name").asString() + " [" + variant + "]", () -> {
                            ParityTest.runCase(name, model(dir, variant, layout), c, conv);
                        }));
                    }
                    nodes.add(DynamicContainer.dynamicContainer(name + " " + variant + " " + layout, tests));
                }
            }
        }
        return nodes.stream();
    }
}
