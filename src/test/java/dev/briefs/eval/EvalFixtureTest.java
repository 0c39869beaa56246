package dev.briefs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics against what sacrebleu and rouge-score computed for the same strings
 * ({@code tools/fixtures/make_eval_cases.py}): every score to 1e-9, and printed with 4 decimals
 * the same digits; the tokenizers token for token.
 */
class EvalFixtureTest {

    static final Path CASES = Path.of("src/test/resources/eval/eval-cases.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double EXACT = 1e-9;

    static JsonNode fixture(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out;
    }

    /** Equal to 1e-9, and the same when printed with 4 decimals as the command prints it. */
    static void assertScore(String what, double actual, double expected) {
        assertThat(actual).as(what).isCloseTo(expected, within(EXACT));
        assertThat(Decimals.fixed(actual, 4)).as(what + " to 4 decimals").isEqualTo(Decimals.fixed(expected, 4));
    }

    @Test
    void theFixturesWereRecordedWithTheVersionsTheCommandNames() throws IOException {
        JsonNode versions = fixture(CASES).get("versions");
        assertThat(versions.get("sacrebleu").asString()).isEqualTo(EvalMetric.SACREBLEU_VERSION);
        assertThat(versions.get("rouge-score").asString()).isEqualTo(EvalMetric.ROUGE_SCORE_VERSION);
        assertThat(fixture(CASES).get("cases").size()).isEqualTo(25);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesSacrebleuAndRougeScore() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fixture(CASES).get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asString(), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(JsonNode c) {
        List<String> hyps = strings(c.get("hypotheses"));
        List<String> refs = strings(c.get("references"));
        JsonNode expected = c.get("scores");

        for (int i = 0; i < hyps.size(); i++) {
            assertThat(Tokenizer13a.tokenize(PythonText.rstrip(hyps.get(i))))
                    .as("13a tokens of line %d", i)
                    .isEqualTo(c.get("tokens_13a").get(i).asString());
            assertThat(RougeTokenizer.ROUGE_SCORE.tokens(hyps.get(i)))
                    .as("rouge-score tokens of line %d", i)
                    .isEqualTo(strings(c.get("rouge_tokens").get(i)));
        }
        checkCorpusScores(hyps, refs, expected);

        for (String type : new String[] {"rouge1", "rouge2", "rougeL"}) {
            RougeScore r = EvalMetric.named(type)
                    .score(hyps, refs, RougeTokenizer.ROUGE_SCORE)
                    .rouge();
            JsonNode e = expected.get(type);
            List<Double> f = doubles(e.get("fmeasure"));
            List<Double> p = doubles(e.get("precision"));
            List<Double> rc = doubles(e.get("recall"));
            for (int i = 0; i < hyps.size(); i++) {
                assertScore(type + " F of line " + i, r.fmeasures().get(i), f.get(i));
                assertScore(type + " precision of line " + i, r.precisions().get(i), p.get(i));
                assertScore(type + " recall of line " + i, r.recalls().get(i), rc.get(i));
            }
        }
    }

    /** BLEU (with its statistics), chrF, chrF++ and the three ROUGE means. */
    static void checkCorpusScores(List<String> hyps, List<String> refs, JsonNode expected) {
        JsonNode eb = expected.get("bleu");
        EvalScore bleu = EvalMetric.BLEU.score(hyps, refs, RougeTokenizer.ROUGE_SCORE);
        assertScore("BLEU", bleu.score(), eb.get("score").asDouble());
        assertThat(bleu.bleu().counts()).as("BLEU matches").isEqualTo(ints(eb.get("counts")));
        assertThat(bleu.bleu().totals()).as("BLEU n-grams").isEqualTo(ints(eb.get("totals")));
        assertThat(bleu.bleu().hypLength())
                .as("hyp_len")
                .isEqualTo(eb.get("hyp_len").asInt());
        assertThat(bleu.bleu().refLength())
                .as("ref_len")
                .isEqualTo(eb.get("ref_len").asInt());
        assertThat(bleu.bleu().bp())
                .as("brevity penalty")
                .isCloseTo(eb.get("bp").asDouble(), within(EXACT));
        List<Double> precisions = doubles(eb.get("precisions"));
        for (int n = 0; n < precisions.size(); n++) {
            assertThat(bleu.bleu().precisions().get(n))
                    .as("precision %d", n + 1)
                    .isCloseTo(precisions.get(n), within(EXACT));
        }
        assertThat(eb.get("signature").asString())
                .isEqualTo(bleu.signature() + "|version:" + EvalMetric.SACREBLEU_VERSION);

        for (EvalMetric m : new EvalMetric[] {EvalMetric.CHRF, EvalMetric.CHRF_PLUS_PLUS}) {
            JsonNode e = expected.get(m.optionName());
            EvalScore s = m.score(hyps, refs, RougeTokenizer.ROUGE_SCORE);
            assertScore(m.optionName(), s.score(), e.get("score").asDouble());
            assertThat(s.name()).isEqualTo(e.get("name").asString());
            assertThat(e.get("signature").asString())
                    .isEqualTo(s.signature() + "|version:" + EvalMetric.SACREBLEU_VERSION);
        }
        for (String type : new String[] {"rouge1", "rouge2", "rougeL"}) {
            EvalScore s = EvalMetric.named(type).score(hyps, refs, RougeTokenizer.ROUGE_SCORE);
            assertScore(
                    type + " mean", s.score(), expected.get(type).get("mean").asDouble());
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
