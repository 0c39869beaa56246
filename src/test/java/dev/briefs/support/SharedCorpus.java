package dev.briefs.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared test corpus beside the repository ({@code ../shared/corpus}). A user's clone does
 * not have it, so tests that need it skip themselves with a message; CI always has it.
 */
public final class SharedCorpus {

    private SharedCorpus() {}

    public static Path dir() {
        Path dir = Path.of(System.getProperty("briefs.shared", "../shared")).resolve("corpus");
        assumeTrue(
                Files.isDirectory(dir),
                "skipped: the shared corpus " + dir.toAbsolutePath().normalize()
                        + " is not here (it sits beside the repository in CI; a user's clone has none)");
        return dir;
    }

    /**
     * Writes the 16 Ukrainian WMT22 documents into a folder as JSON article files: the first
     * segment (usually the headline) as the title, the others as the text.
     *
     * @return the documents by id, as the corpus has them
     */
    public static Map<String, JsonNode> writeUkrainianArticles(Path folder) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file("wmt22-uk-news.jsonl"))) {
            JsonNode doc = json.readTree(line);
            List<String> segments = new ArrayList<>();
            doc.get("segments").forEach(s -> segments.add(s.asString()));
            ObjectNode article = json.createObjectNode();
            article.put("title", segments.get(0));
            article.put("maintext", String.join("\n", segments.subList(1, segments.size())));
            String id = doc.get("id").asString();
            Files.writeString(folder.resolve(id + ".json"), json.writeValueAsString(article));
            docs.put(id, doc);
        }
        return docs;
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is missing from the shared corpus");
        return file;
    }
}
