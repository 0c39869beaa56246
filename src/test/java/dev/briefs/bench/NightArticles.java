package dev.briefs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A night's worth of articles made from the shared corpus: English and Ukrainian by turns, each a
 * run of consecutive WMT22 news sentences (8 to 20 of them, the length of a short news story),
 * written as JSON article files. The same corpus and count always give the same files, so both
 * sides of the benchmark, and two runs of it, read the same night.
 */
public final class NightArticles {

    private static final int MIN_SENTENCES = 8;
    private static final int MAX_SENTENCES = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NightArticles() {}

    /** Writes {@code count} article files into {@code folder}; returns how many are in each language. */
    public static Map<String, Integer> write(Path corpus, int count, String date, Path folder) throws IOException {
        List<String> english = sentences(corpus.resolve("wmt22-en-uk.src.en"));
        List<String> ukrainian = sentences(corpus.resolve("wmt22-uk-en.src.uk"));
        Files.createDirectories(folder);
        Map<String, Integer> perLanguage = new LinkedHashMap<>();
        int[] next = {0, 0};
        for (int i = 0; i < count; i++) {
            boolean en = i % 2 == 0;
            List<String> pool = en ? english : ukrainian;
            int length = MIN_SENTENCES + (i * 7) % (MAX_SENTENCES - MIN_SENTENCES + 1);
            int side = en ? 0 : 1;
            List<String> body = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                body.add(pool.get((next[side] + k) % pool.size()));
            }
            // Each article starts a few sentences after the last one, so they overlap only when the corpus runs out.
            next[side] = (next[side] + length) % pool.size();
            String language = en ? "en" : "uk";
            String id = String.format("night-%04d-%s", i, language);
            Map<String, Object> article = new LinkedHashMap<>();
            article.put("id", id);
            article.put("title", body.get(0));
            article.put("url", "https://news.example/" + id);
            article.put("date", date);
            article.put("language", language);
            article.put("text", String.join(" ", body.subList(1, body.size())));
            Files.writeString(folder.resolve(id + ".json"), JSON.writeValueAsString(article), StandardCharsets.UTF_8);
            perLanguage.merge(language, 1, Integer::sum);
        }
        return perLanguage;
    }

    private static List<String> sentences(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("corpus file " + file + " is missing (give --corpus, the shared corpus folder)");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
