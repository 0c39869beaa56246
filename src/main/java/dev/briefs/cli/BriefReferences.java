package dev.briefs.cli;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import dev.briefs.eval.SegmentFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval --briefs}: a day's briefs in one language paired with references keyed by article id.
 * The references file is JSON Lines, one {@code {"id": "...", "reference": "..."}} a line (blank
 * lines are skipped). Every reference is scored: an article with no brief in the language, or a
 * failed one, counts as an empty hypothesis and is named, so a missing brief lowers the score
 * rather than leaving the average. Briefs without a reference are not scored.
 *
 * @param missing     ids of references with no brief text in the language
 * @param unreferenced ids of briefs with no reference
 */
record BriefReferences(
        List<String> ids,
        List<String> hypotheses,
        List<String> references,
        List<String> missing,
        List<String> unreferenced) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static BriefReferences pair(Path briefsDir, String language, Path referencesFile) throws IOException {
        Map<String, String> references = readReferences(referencesFile);
        List<Brief> briefs;
        try {
            briefs = BriefFiles.readAll(briefsDir);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        if (briefs.isEmpty()) {
            throw new UsageException(
                    "no briefs in " + briefsDir + ": give the output folder of a day (such as out/briefs/2026-11-20)");
        }
        Map<String, Brief> byId = new LinkedHashMap<>();
        briefs.forEach(b -> byId.put(b.id(), b));
        List<String> ids = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> r : references.entrySet()) {
            Brief brief = byId.get(r.getKey());
            Brief.LanguageBrief text = brief == null || brief.briefs() == null
                    ? null
                    : brief.briefs().get(language);
            boolean ok = text != null && text.ok() && text.text() != null;
            if (!ok) {
                missing.add(r.getKey());
            }
            ids.add(r.getKey());
            hyps.add(ok ? text.text() : "");
            refs.add(r.getValue());
        }
        List<String> unreferenced =
                byId.keySet().stream().filter(id -> !references.containsKey(id)).toList();
        return new BriefReferences(ids, hyps, refs, missing, unreferenced);
    }

    private static Map<String, String> readReferences(Path file) throws IOException {
        List<String> lines = SegmentFiles.read(file, "references");
        Map<String, String> references = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = file + " line " + (i + 1);
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (JacksonException e) {
                throw new UsageException(
                        where + " is not JSON: give one {\"id\": \"...\", \"reference\": \"...\"} a line");
            }
            JsonNode id = node.get("id");
            JsonNode reference = node.get("reference");
            if (id == null || !id.isString() || reference == null || !reference.isString()) {
                throw new UsageException(where + " needs the strings \"id\" (the article id) and \"reference\"");
            }
            if (references.put(id.asString(), reference.asString()) != null) {
                throw new UsageException(
                        where + ": article " + id.asString() + " has a reference already; give one per article");
            }
        }
        if (references.isEmpty()) {
            throw new UsageException("the references file " + file + " holds no references");
        }
        return references;
    }
}
