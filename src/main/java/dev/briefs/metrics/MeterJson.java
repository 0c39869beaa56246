package dev.briefs.metrics;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meters as JSON: {@code {"meters": [{"name", "type", "baseUnit", "description", "tags", "measurements"}]}},
 * the measurements named as Micrometer names its statistics ({@code count}, {@code total},
 * {@code max}, {@code value}...). Sorted by name and tags, so two files of the same run compare.
 */
final class MeterJson {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One meter as the file has it. */
    record Entry(
            String name,
            String type,
            String baseUnit,
            String description,
            Map<String, String> tags,
            Map<String, Double> measurements) {}

    record Document(List<Entry> meters) {}

    private MeterJson() {}

    static byte[] write(List<Meter> meters) {
        List<Entry> entries = meters.stream()
                .map(MeterJson::entry)
                .sorted(Comparator.comparing(Entry::name)
                        .thenComparing(e -> e.tags().toString()))
                .toList();
        return JSON.writeValueAsBytes(new Document(entries));
    }

    private static Entry entry(Meter meter) {
        Meter.Id id = meter.getId();
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : id.getTagsAsIterable()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        for (Measurement m : meter.measure()) {
            measurements.put(m.getStatistic().getTagValueRepresentation(), m.getValue());
        }
        return new Entry(
                id.getName(),
                id.getType().name().toLowerCase(Locale.ROOT),
                id.getBaseUnit(),
                id.getDescription(),
                tags,
                measurements);
    }
}
