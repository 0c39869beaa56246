package dev.briefs.cli;

import dev.briefs.eval.BleuScore;
import dev.briefs.eval.Decimals;
import dev.briefs.eval.EvalScore;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code eval --json}: one object a metric, scores with 4 decimals. */
final class EvalJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EvalJson() {}

    static String line(EvalScore s, Map<String, Object> inputs) {
        ObjectNode node = JSON.createObjectNode();
        node.put("metric", s.metric().optionName());
        node.put("name", s.name());
        node.put("score", Decimals.round(s.score(), 4));
        node.put("signature", s.signature());
        node.put("matches", s.matches());
        BleuScore b = s.bleu();
        if (b != null) {
            ArrayNode counts = node.putArray("counts");
            b.counts().forEach(counts::add);
            ArrayNode totals = node.putArray("totals");
            b.totals().forEach(totals::add);
            ArrayNode precisions = node.putArray("precisions");
            b.precisions().forEach(p -> precisions.add(Decimals.round(p, 4)));
            node.put("bp", Decimals.round(b.bp(), 4));
            node.put("hyp_len", b.hypLength());
            node.put("ref_len", b.refLength());
        }
        if (s.rouge() != null) {
            ArrayNode lines = node.putArray("line_scores");
            s.rouge().fmeasures().forEach(f -> lines.add(Decimals.round(f, 4)));
        }
        node.set("inputs", JSON.valueToTree(inputs));
        return JSON.writeValueAsString(node);
    }
}
