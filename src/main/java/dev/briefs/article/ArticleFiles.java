package dev.briefs.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lists a day's input folder: every visible entry directly inside it, sorted by name. */
public final class ArticleFiles {

    private ArticleFiles() {}

    /**
     * Every entry is listed, including unsupported types and broken links, so that each one is
     * reported rather than silently ignored; hidden files (editor swap files, .DS_Store) are skipped.
     */
    public static List<String> list(Path inputDir) throws IOException {
        try (Stream<Path> entries = Files.list(inputDir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .filter(name -> !Files.isDirectory(inputDir.resolve(name)))
                    .sorted()
                    .toList();
        }
    }
}
