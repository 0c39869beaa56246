package dev.briefs.brief;

import dev.briefs.article.ArticleId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The per-article files of a day's output folder: {@code ID.json} and {@code ID.md}. They are
 * the record of the day; {@code briefs.jsonl} and {@code digest.md} are derived from them.
 */
public final class BriefFiles {

    public static final String JSONL = "briefs.jsonl";
    public static final String DIGEST = "digest.md";
    public static final String DIGEST_HTML = "digest.html";
    /** The run's report ({@code dev.briefs.report.RunReport}): JSON beside the briefs, but not one. */
    public static final String REPORT = "report.json";

    private BriefFiles() {}

    public static void write(Path outputDir, Brief brief) throws IOException {
        // Ids were checked to be safe file names when the article was read; check again here,
        // where the name meets the file system.
        ArticleId.requireSafe(brief.id());
        AtomicFiles.write(outputDir.resolve(brief.id() + ".json"), BriefJson.pretty(brief));
        AtomicFiles.write(
                outputDir.resolve(brief.id() + ".md"),
                BriefMarkdown.render(brief).getBytes(StandardCharsets.UTF_8));
    }

    /** The brief of one article, or {@code null} when it has none (or an unreadable one). */
    public static Brief read(Path outputDir, String id) {
        Path file = outputDir.resolve(ArticleId.requireSafe(id) + ".json");
        try {
            return Files.isRegularFile(file) ? BriefJson.read(Files.readAllBytes(file)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every brief in the folder, sorted by id. */
    public static List<Brief> readAll(Path outputDir) throws IOException {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(outputDir)) {
            files = entries.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".json") && !name.startsWith(".") && !name.equals(REPORT);
                    })
                    .sorted()
                    .toList();
        }
        List<Brief> briefs = new ArrayList<>();
        for (Path file : files) {
            try {
                briefs.add(BriefJson.read(Files.readAllBytes(file)));
            } catch (IOException | RuntimeException e) {
                throw new IOException(
                        "cannot read the brief " + file.toAbsolutePath() + " (" + e.getMessage()
                                + "); move it out of the output folder or remove it",
                        e);
            }
        }
        return briefs;
    }
}
