package dev.briefs.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file in Prometheus' text exposition format, read line by line as node_exporter's textfile
 * collector reads it: {@code # TYPE} lines and samples {@code name{label="value",...} number}.
 * A line that is neither fails the reading, so a malformed file cannot pass.
 */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    public static PrometheusText read(Path file) throws IOException {
        PrometheusText text = new PrometheusText();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            text.parse(line);
        }
        return text;
    }

    private void parse(String line) {
        if (line.isEmpty() || line.startsWith("# HELP ")) {
            return;
        }
        Matcher type = TYPE.matcher(line);
        if (type.matches()) {
            types.put(type.group(1), type.group(2));
            return;
        }
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
            throw new AssertionError("not a line of the Prometheus text format: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (sample.group(2) != null) {
            Matcher label = LABEL.matcher(sample.group(2));
            int end = 0;
            while (label.find() && label.start() == end) {
                labels.put(label.group(1), label.group(2));
                end = label.end();
            }
            if (end != sample.group(2).length()) {
                throw new AssertionError("malformed labels: " + line);
            }
        }
        samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }

    /** The metric families' types, by name. */
    public Map<String, String> types() {
        return types;
    }

    /** The samples of that name. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one sample of that name whose labels include the given ones. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = samples(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples " + name + " " + labels + " in " + samples(name));
        }
        return found.get(0).value();
    }
}
