package dev.briefs.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.onnx.OnnxModelOptions;
import dev.briefs.style.Style;
import dev.briefs.style.StyleFiles;
import dev.briefs.support.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run says at its start of a house style its translation models cannot force (docs/style.md). */
class BriefStyleTest {

    @TempDir
    Path dir;

    @Test
    void theTermsAModelCannotWriteAreNamedAndTheOthersAreNot() throws IOException {
        Path file = dir.resolve("style.yaml");
        Files.writeString(file, """
                languages:
                  en:
                    keep: [Ukrinform]
                pairs:
                  en-uk:
                    use:
                      Київ: [Kyiv]
                      Ґорґани: [Gorgany]
                """);
        BriefStyle style = BriefStyle.of(StyleFiles.read(file));
        try (Seq2SeqGenerator model =
                Seq2SeqGenerator.load(TinyModels.FIXTURES.resolve("tiny-marian-en-uk"), OnnxModelOptions.defaults())) {
            assertThat(style.unforceable("en", "uk", model))
                    .as(
                            "the tiny model's vocabulary has no 'Ґ'; 'Київ' and 'Ukrinform' (kept, forced as written) it can write")
                    .singleElement()
                    .asString()
                    .startsWith("\"Ґорґани\": model tiny-marian-en-uk cannot write it");
            assertThat(style.unforceable("uk", "en", model))
                    .as("no uk-en pair, no uk kept terms")
                    .isEmpty();
            assertThat(BriefStyle.of(Style.EMPTY).unforceable("en", "uk", model))
                    .isEmpty();
        }
    }
}
