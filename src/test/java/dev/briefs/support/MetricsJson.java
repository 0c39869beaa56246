package dev.briefs.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON metrics file as a reader of it sees it: Jackson's tree, meters found by name and tags. */
public final class MetricsJson {

    private final List<JsonNode> meters = new ArrayList<>();

    private MetricsJson(JsonNode root) {
        root.get("meters").forEach(meters::add);
    }

    public static MetricsJson read(Path file) throws IOException {
        return new MetricsJson(JsonMapper.builder().build().readTree(file.toFile()));
    }

    /** The meters of that name whose tags include the given ones. */
    public List<JsonNode> meters(String name, Map<String, String> tags) {
        return meters.stream()
                .filter(m -> m.get("name").asString().equals(name))
                .filter(m -> tags.entrySet().stream()
                        .allMatch(t -> m.get("tags").has(t.getKey())
                                && m.get("tags").get(t.getKey()).asString().equals(t.getValue())))
                .toList();
    }

    /** The one meter of that name with those tags; fails when there is none or several. */
    public JsonNode meter(String name, Map<String, String> tags) {
        List<JsonNode> found = meters(name, tags);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " meters " + name + " " + tags + " in " + meters);
        }
        return found.get(0);
    }

    /** One measurement ({@code count}, {@code total}, {@code max}...) of the one meter. */
    public double value(String name, Map<String, String> tags, String measurement) {
        return measurement(meter(name, tags), measurement);
    }

    /** A measurement summed over every meter of that name that has the tags. */
    public double sum(String name, Map<String, String> tags, String measurement) {
        return meters(name, tags).stream()
                .mapToDouble(m -> measurement(m, measurement))
                .sum();
    }

    private static double measurement(JsonNode meter, String measurement) {
        JsonNode value = meter.get("measurements").get(measurement);
        if (value == null || !value.isNumber()) {
            throw new AssertionError("no number '" + measurement + "' in " + meter);
        }
        return value.asDouble();
    }
}
