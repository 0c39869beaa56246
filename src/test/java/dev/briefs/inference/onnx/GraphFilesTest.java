package dev.briefs.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefs.optimum.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which graphs a model folder loads: the variant asked for, else the default, whatever else the
 * folder holds. Only file names count here, so the graphs are empty files.
 */
class GraphFilesTest {

    @TempDir
    Path tmp;

    private Path folder(String name, Variant... variants) throws IOException {
        Path onnx = Files.createDirectories(tmp.resolve(name).resolve("onnx"));
        for (Variant v : variants) {
            for (String base :
                    new String[] {"encoder_model", "decoder_model_merged", "decoder_model", "decoder_with_past_model"
                    }) {
                Files.createFile(onnx.resolve(v.graphFile(base)));
            }
        }
        return tmp.resolve(name);
    }

    @Test
    void withBothVariantsThereAndNoneAskedForFp32IsLoaded() throws IOException {
        Path dir = folder("opus-mt-en-uk", Variant.QUANTIZED, Variant.FP32);
        GraphFiles files = GraphFiles.choose(dir, OnnxModelOptions.defaults());
        assertThat(files.variant()).isEqualTo(Variant.FP32).isEqualTo(Variant.DEFAULT);
        assertThat(files.graph("encoder_model")).isEqualTo(dir.resolve("onnx/encoder_model.onnx"));
        assertThat(files.layout()).isEqualTo(DecoderLayout.MERGED);
        assertThat(GraphFiles.choose(dir, OnnxModelOptions.defaults().withVariant(null))
                        .variant())
                .isEqualTo(Variant.FP32);
        assertThat(GraphFiles.choose(dir, OnnxModelOptions.defaults().withCache(false))
                        .variant())
                .as("without the cache too")
                .isEqualTo(Variant.FP32);
    }

    @Test
    void theVariantAskedForIsLoaded() throws IOException {
        Path dir = folder("opus-mt-en-uk", Variant.QUANTIZED, Variant.FP32);
        GraphFiles files = GraphFiles.choose(dir, OnnxModelOptions.defaults().withVariant(Variant.QUANTIZED));
        assertThat(files.graph("decoder_model_merged"))
                .isEqualTo(dir.resolve("onnx/decoder_model_merged_quantized.onnx"));
    }

    @Test
    void quantizedAskedForWithOnlyFp32ThereNamesTheMissingGraphAndBothFixes() throws IOException {
        Path dir = folder("opus-mt-en-uk", Variant.FP32);
        Path missing = dir.resolve("onnx/encoder_model_quantized.onnx");
        assertThatThrownBy(
                        () -> GraphFiles.choose(dir, OnnxModelOptions.defaults().withVariant(Variant.QUANTIZED)))
                .isInstanceOf(VariantNotInstalledException.class)
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("the quantized graphs are not installed (the folder has fp32 ones): " + missing
                        + " is missing; "
                        + "fetch them with: java -jar target/briefs.jar models fetch opus-mt-en-uk --variant quantized, "
                        + "or load the fp32 graphs with --variant fp32 (models.variant: fp32 in a job file)")
                .satisfies(e -> assertThat(((ModelLoadException) e).getFile()).isEqualTo(missing));
    }

    @Test
    void noVariantAskedForWithOnlyQuantizedThereIsAnErrorNotTheQuantizedGraphs() throws IOException {
        Path dir = folder("opus-mt-en-uk", Variant.QUANTIZED);
        assertThatThrownBy(() -> GraphFiles.choose(dir, OnnxModelOptions.defaults()))
                .isInstanceOf(VariantNotInstalledException.class)
                .hasMessageContaining("the fp32 graphs are not installed (the folder has quantized ones)")
                .hasMessageContaining("models fetch opus-mt-en-uk --variant fp32")
                .hasMessageContaining("--variant quantized");
    }

    @Test
    void fp16IsRefusedWhateverTheFolderHolds() throws IOException {
        Path dir = folder("opus-mt-en-uk", Variant.FP16, Variant.FP32);
        assertThatThrownBy(
                        () -> GraphFiles.choose(dir, OnnxModelOptions.defaults().withVariant(Variant.FP16)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("fp16 variant is not supported");
    }
}
