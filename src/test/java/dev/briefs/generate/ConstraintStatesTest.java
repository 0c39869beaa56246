package dev.briefs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The constraint classes of constrained beam search against transformers 4.46.3's own, as
 * {@code tools/fixtures/make_constrained_cases.py} recorded them: each constraint's answers token by token,
 * the disjunctive trie's next tokens (in order) and refusals, the list state's progress and banks, the
 * offers one beam makes (whose stateful copies share a disjunctive constraint's progress), which
 * {@code force_words_ids} values {@code generate()} refuses, and {@code torch.sort(descending=True)}'s order of
 * ties. All exact: integers and orders.
 */
class ConstraintStatesTest {

    private static JsonNode classes() {
        return ConstrainedBeamSearchParityTest.fixture().get("classes");
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).intValue();
        }
        return out;
    }

    private static List<Integer> list(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(x -> out.add(x.intValue()));
        return out;
    }

    private static List<int[]> forms(JsonNode nested) {
        List<int[]> out = new ArrayList<>();
        nested.forEach(f -> out.add(ints(f)));
        return out;
    }

    private static List<Constraint> constraints(JsonNode forceWordsIds) {
        return ForceWords.parse(ParityTest.value("force_words_ids", forceWordsIds))
                .constraints();
    }

    @Test
    void phrasalConstraintsAnswerAsTransformers() {
        JsonNode cases = classes().get("phrasal");
        assertThat(cases.size()).isPositive();
        for (JsonNode c : cases) {
            traceMatches(new PhrasalConstraint(ints(c.get("token_ids"))), c);
        }
    }

    @Test
    void disjunctiveConstraintsAnswerAsTransformers() {
        JsonNode cases = classes().get("disjunctive");
        assertThat(cases.size()).isPositive();
        for (JsonNode c : cases) {
            traceMatches(new DisjunctiveConstraint(forms(c.get("nested_token_ids"))), c);
        }
    }

    private static void traceMatches(Constraint constraint, JsonNode c) {
        int k = 0;
        for (JsonNode step : c.get("steps")) {
            String what = c + " step " + k++;
            Constraint.Update u = constraint.update(step.get("token").intValue());
            assertThat(u)
                    .as(what)
                    .isEqualTo(new Constraint.Update(
                            step.get("stepped").booleanValue(),
                            step.get("completed").booleanValue(),
                            step.get("reset").booleanValue()));
            assertThat(constraint.remaining())
                    .as(what + " remaining")
                    .isEqualTo(step.get("remaining").intValue());
            assertThat(constraint.advance()).as(what + " advance").containsExactly(ints(step.get("advance")));
        }
    }

    @Test
    void theTrieOffersTokensInTransformersOrderAndRefusesFormsThatBeginOthers() {
        for (JsonNode c : classes().get("trie")) {
            DisjunctiveTrie trie = new DisjunctiveTrie(forms(c.get("nested_token_ids")));
            for (Map.Entry<String, JsonNode> e : c.get("next_tokens").properties()) {
                List<Integer> prefix = list(new ObjectMapper().readTree(e.getKey()));
                assertThat(trie.nextTokens(prefix)).as("after %s", prefix).containsExactly(ints(e.getValue()));
            }
        }
        JsonNode refused = classes().get("trie_refused");
        assertThat(refused.findValues("refused"))
                .extracting(JsonNode::booleanValue)
                .contains(true, false);
        for (JsonNode c : refused) {
            List<int[]> forms = forms(c.get("nested_token_ids"));
            if (c.get("refused").booleanValue()) {
                assertThatThrownBy(() -> new DisjunctiveTrie(forms)).isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThatCode(() -> new DisjunctiveTrie(forms)).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theListStateStepsCompletesAndBanksAsTransformers() {
        JsonNode cases = classes().get("list_state");
        assertThat(cases.size()).isPositive();
        for (JsonNode c : cases) {
            ConstraintListState state = new ConstraintListState(constraints(c.get("force_words_ids")));
            int k = 0;
            for (JsonNode step : c.get("steps")) {
                String what = c.get("force_words_ids") + " " + c.get("tokens") + " step " + k++;
                ConstraintListState.Added a = state.add(step.get("token").intValue());
                assertThat(a)
                        .as(what)
                        .isEqualTo(new ConstraintListState.Added(
                                step.get("complete").booleanValue(),
                                step.get("stepped").booleanValue()));
                assertThat(state.completed())
                        .as(what + " completed")
                        .isEqualTo(step.get("completed").booleanValue());
                assertThat(state.bank())
                        .as(what + " bank")
                        .isEqualTo(step.get("bank").intValue());
                assertThat(state.advance()).as(what + " advance").containsExactly(ints(step.get("advance")));
            }
            // reset() replays a sequence from scratch to the same place
            ConstraintListState replayed = new ConstraintListState(constraints(c.get("force_words_ids")));
            replayed.reset(ints(c.get("tokens")));
            JsonNode last = c.get("steps").get(c.get("steps").size() - 1);
            assertThat(replayed.completed()).isEqualTo(last.get("completed").booleanValue());
            if (!replayed.completed()) {
                assertThat(replayed.bank()).isEqualTo(last.get("bank").intValue());
            }
        }
    }

    /**
     * One beam's offers in a step: a stateful copy of its state per token, each taking its token. transformers'
     * stateful copy of a disjunctive constraint shares the progress list, so an offer sees the ones before it
     * and the banks, read once all are made, are not what each copy had alone; the fixture holds such a case.
     */
    @Test
    void offersOfOneBeamShareADisjunctiveConstraintsProgressAsTransformers() {
        JsonNode cases = classes().get("advance_copies");
        boolean shared = false;
        for (JsonNode c : cases) {
            ConstraintListState state = new ConstraintListState(constraints(c.get("force_words_ids")));
            state.reset(ints(c.get("prefix")));
            int[] tokens = state.advance();
            assertThat(tokens).as("%s advance", c).containsExactly(ints(c.get("advance")));
            List<ConstraintListState> copies = new ArrayList<>();
            List<Integer> atOnce = new ArrayList<>();
            for (int t : tokens) {
                ConstraintListState copy = state.copy(true);
                copy.add(t);
                copies.add(copy);
                atOnce.add(copy.bank());
            }
            List<Integer> atEnd = copies.stream().map(ConstraintListState::bank).toList();
            assertThat(atOnce).as("%s banks at once", c).isEqualTo(list(c.get("banks_at_once")));
            assertThat(atEnd).as("%s banks at the end", c).isEqualTo(list(c.get("banks_at_end")));
            shared = shared || !atOnce.equals(atEnd);
        }
        assertThat(shared)
                .as("a case where a later offer moved an earlier one's bank")
                .isTrue();
    }

    /** Which force_words_ids generate() refuses (recorded from its run), ForceWords refuses, and no other. */
    @Test
    void forceWordsRefusesWhatTransformersRefuses() {
        JsonNode cases = ConstrainedBeamSearchParityTest.fixture().get("refusals");
        assertThat(cases.findValues("refused")).extracting(JsonNode::isNull).contains(true, false);
        for (JsonNode c : cases) {
            Object value = ParityTest.value("force_words_ids", c.get("force_words_ids"));
            if (c.get("refused").isNull()) {
                assertThat(ForceWords.parse(value)).as("%s", value).hasToString(value.toString());
            } else {
                assertThatThrownBy(() -> ForceWords.parse(value))
                        .as("%s (transformers: %s)", value, c.get("refused").asString())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("force_words_ids");
            }
        }
    }

    /** torch.sort(descending=True)'s order on rows full of ties, short (insertion sort) and long (introsort). */
    @Test
    void sortDescendingOrdersTiesAsTorch() {
        JsonNode cases = ConstrainedBeamSearchParityTest.fixture().get("torch_sort");
        boolean unstable = false;
        for (JsonNode c : cases) {
            float[] values = new float[c.get("values").size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = parse(c.get("values").get(i).asString());
            }
            int[] expected = ints(c.get("indices"));
            assertThat(TorchTopK.sortDescending(values))
                    .as("%s", c.get("values"))
                    .containsExactly(expected);
            unstable = unstable || !isStable(values, expected);
        }
        assertThat(unstable)
                .as("a row whose ties torch leaves out of index order")
                .isTrue();
    }

    private static boolean isStable(float[] values, int[] order) {
        for (int i = 1; i < order.length; i++) {
            if (values[order[i]] == values[order[i - 1]] && order[i] < order[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static float parse(String python) {
        return switch (python) {
            case "-inf" -> Float.NEGATIVE_INFINITY;
            case "inf" -> Float.POSITIVE_INFINITY;
            case "nan" -> Float.NaN;
            default -> Float.parseFloat(python);
        };
    }
}
