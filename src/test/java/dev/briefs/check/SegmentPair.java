package dev.briefs.check;

import dev.briefs.support.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Ukrainian segment of a WMT22 document and its human English translation. */
record SegmentPair(String document, int index, String uk, String en) {

    /** Every segment pair of the 16 documents in the shared corpus; skips the test when the corpus is absent. */
    static List<SegmentPair> wmt22() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<SegmentPair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(SharedCorpus.file("wmt22-uk-news.jsonl"))) {
            JsonNode doc = json.readTree(line);
            JsonNode uk = doc.get("segments");
            JsonNode en = doc.get("reference_en_segments");
            if (uk.size() != en.size()) {
                throw new IllegalStateException("document " + doc.get("id").asString() + " has " + uk.size()
                        + " segments and " + en.size() + " reference segments");
            }
            for (int i = 0; i < uk.size(); i++) {
                pairs.add(new SegmentPair(
                        doc.get("id").asString(),
                        i,
                        uk.get(i).asString(),
                        en.get(i).asString()));
            }
        }
        return pairs;
    }

    /**
     * The line-aligned WMT22 segments of the shared corpus, without documents: {@code wmt22-uk-en}
     * (Ukrainian sources) or {@code wmt22-en-uk} (English sources), each pair named by its line.
     */
    static List<SegmentPair> wmt22Lines(String set) throws IOException {
        boolean fromUkrainian = set.equals("wmt22-uk-en");
        List<String> sources = Files.readAllLines(SharedCorpus.file(set + ".src." + (fromUkrainian ? "uk" : "en")));
        List<String> references = Files.readAllLines(SharedCorpus.file(set + ".ref." + (fromUkrainian ? "en" : "uk")));
        if (sources.size() != references.size()) {
            throw new IllegalStateException(
                    set + " has " + sources.size() + " source lines and " + references.size() + " reference lines");
        }
        List<SegmentPair> pairs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            pairs.add(
                    fromUkrainian
                            ? new SegmentPair(set, i + 1, sources.get(i), references.get(i))
                            : new SegmentPair(set, i + 1, references.get(i), sources.get(i)));
        }
        return pairs;
    }

    String where() {
        return document + "#" + index;
    }
}
