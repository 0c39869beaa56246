package dev.briefs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.briefs.support.TinyModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Inputs are cut at the model's own position limit and nowhere else. DJL's tokenizer has a limit of
 * its own (512 unless told), which silently cut distilbart inputs of 513 to 1,024 tokens.
 */
class TokenizerLimitTest {

    private static final Path TOKENIZER =
            TinyModels.FIXTURES.resolve("tiny-bart").resolve("tokenizer.json");

    /** About 900 tokens of the byte-level BART tokenizer. */
    private static final String LONG = "The harbour reopened on Thursday after three weeks of repairs. ".repeat(35);

    @Test
    void aModelThatTakes1024PositionsGetsInputsLongerThan512Whole() {
        try (HuggingFaceTokenizer unlimited = ModelTokenizer.tokenizer(TOKENIZER, null);
                HuggingFaceTokenizer limited = ModelTokenizer.tokenizer(TOKENIZER, 1024)) {
            int whole = unlimited.encode(LONG).getIds().length;
            assertThat(whole)
                    .as("the test input lies between 512 and 1,024 tokens")
                    .isBetween(600, 1024);
            long[] ids = limited.encode(LONG).getIds();
            assertThat(ids).hasSize(whole);
        }
    }

    @Test
    void longerInputsAreCutAtTheLimitWithTheClosingTokenKept() {
        try (HuggingFaceTokenizer unlimited = ModelTokenizer.tokenizer(TOKENIZER, null);
                HuggingFaceTokenizer limited = ModelTokenizer.tokenizer(TOKENIZER, 600)) {
            long[] whole = unlimited.encode(LONG).getIds();
            long[] cut = limited.encode(LONG).getIds();
            assertThat(cut).hasSize(600);
            assertThat(cut[599]).as("</s> closes the cut input").isEqualTo(whole[whole.length - 1]);
        }
    }
}
