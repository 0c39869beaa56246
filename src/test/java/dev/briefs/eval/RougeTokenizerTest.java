package dev.briefs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The default tokenizer drops Cyrillic, as rouge-score does; the opt-in unicode one keeps it. */
class RougeTokenizerTest {

    @Test
    void rougeScoresTokenizerLeavesOnlyTheNumbersOfAUkrainianSentence() {
        assertThat(RougeTokenizer.ROUGE_SCORE.tokens("Ціни на хліб у жовтні зросли на 12 відсотків."))
                .containsExactly("12");
        List<String> hyp = List.of("Міністр не відповів на запитання про бюджет.");
        List<String> ref = List.of("Міністр відмовився відповідати на запитання про бюджет.");
        assertThat(EvalMetric.ROUGE1.score(hyp, ref, RougeTokenizer.ROUGE_SCORE).score())
                .isZero();
    }

    @Test
    void theUnicodeTokenizerCountsUkrainianWords() {
        assertThat(RougeTokenizer.UNICODE.tokens("«Ціни» на хліб-сіль зросли на 12% (Київ, м'ясо)"))
                .containsExactly("ціни", "на", "хліб", "сіль", "зросли", "на", "12", "київ", "м", "ясо");
        List<String> hyp = List.of("Міністр не відповів на запитання про бюджет.");
        List<String> ref = List.of("Міністр відмовився відповідати на запитання про бюджет.");
        // 5 shared words: precision 5/7, recall 5/7.
        assertThat(EvalMetric.ROUGE1.score(hyp, ref, RougeTokenizer.UNICODE).score())
                .isEqualTo(2 * (5 / 7.0) * (5 / 7.0) / (10 / 7.0));
    }

    @Test
    void onAsciiTextBothTokenizersAgree() throws IOException {
        for (JsonNode c : EvalFixtureTest.fixture(EvalFixtureTest.CASES).get("cases")) {
            for (String line : EvalFixtureTest.strings(c.get("hypotheses"))) {
                if (line.chars().allMatch(ch -> ch < 128)) {
                    assertThat(RougeTokenizer.UNICODE.tokens(line))
                            .as(line)
                            .isEqualTo(RougeTokenizer.ROUGE_SCORE.tokens(line));
                }
            }
        }
    }
}
