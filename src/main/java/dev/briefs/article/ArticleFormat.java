package dev.briefs.article;

import java.util.Locale;
import java.util.Optional;

/** The input formats, recognised by file extension. */
public enum ArticleFormat {
    TEXT("txt"),
    JSON("json"),
    JSON_LINES("jsonl", "ndjson"),
    HTML("html", "htm");

    @SuppressWarnings("ImmutableEnumChecker") // never changed, never handed out
    private final String[] extensions;

    ArticleFormat(String... extensions) {
        this.extensions = extensions;
    }

    public static Optional<ArticleFormat> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ArticleFormat format : values()) {
            for (String candidate : format.extensions) {
                if (candidate.equals(ext)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    public static String supportedExtensions() {
        return ".txt, .json, .jsonl, .ndjson, .html, .htm";
    }
}
