package dev.briefs.model;

import dev.briefs.model.hub.HubSettings;
import dev.briefs.model.hub.TestHub;
import dev.briefs.optimum.Variant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Fake repos and catalogs for the fetch tests. */
final class Fixtures {

    static final String REPO = "Xenova/opus-mt-en-uk";
    static final String NAME = "opus-mt-en-uk";
    static final String ENCODER = "onnx/encoder_model_quantized.onnx";
    static final String DECODER = "onnx/decoder_model_merged_quantized.onnx";

    private Fixtures() {}

    /** A Marian-like repo: the quantized set, plus fp32 and other decoders that must not be fetched. */
    static Map<String, byte[]> marianRepo(long seed) {
        Random r = new Random(seed);
        Map<String, byte[]> files = new TreeMap<>();
        for (String f : VariantFiles.SEQ2SEQ_CONFIG_FILES) {
            files.put(f, ("{\"file\": \"" + f + "\", \"seed\": " + seed + "}\n").getBytes(StandardCharsets.UTF_8));
        }
        files.put(ENCODER, bytes(r, 300_000));
        files.put(DECODER, bytes(r, 400_000));
        files.put("onnx/encoder_model.onnx", bytes(r, 1000));
        files.put("onnx/decoder_model_merged.onnx", bytes(r, 1000));
        files.put("onnx/decoder_model_quantized.onnx", bytes(r, 1000));
        files.put("onnx/decoder_with_past_model_quantized.onnx", bytes(r, 1000));
        files.put("README.md", "# fake\n".getBytes(StandardCharsets.UTF_8));
        files.put("source.spm", bytes(r, 2000));
        return files;
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static ModelCatalog catalog() {
        return new ModelCatalog(
                List.of(
                        new CatalogEntry(
                                NAME,
                                REPO,
                                "main",
                                Task.TRANSLATION,
                                List.of("en"),
                                List.of("uk"),
                                Variant.QUANTIZED,
                                VariantFiles.seq2seq(Variant.QUANTIZED),
                                false,
                                false,
                                "",
                                110),
                        new CatalogEntry(
                                "all-minilm-l6-v2",
                                "sentence-transformers/all-MiniLM-L6-v2",
                                "main",
                                Task.EMBEDDING,
                                List.of("en"),
                                List.of("en"),
                                Variant.QUANTIZED,
                                List.of(),
                                false,
                                true,
                                "",
                                23)),
                null);
    }

    /** Small timeouts and quick retries, so fault tests take a second or two. */
    static HubSettings settings(TestHub hub) {
        return HubSettings.defaults()
                .withEndpoint(hub.endpoint())
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(400))
                .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(100));
    }
}
