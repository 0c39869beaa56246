package dev.briefs.article;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Article ids become file names in the output folder, and ids can come from untrusted JSON,
 * so only a conservative set of characters is accepted: nothing that could leave the folder,
 * hide the file, or need quoting in a shell.
 */
public final class ArticleId {

    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,127}");

    /**
     * Names of the day's own files in the output folder (digest.md, briefs.jsonl, and those to come
     * beside them): an article with such an id would overwrite them or be overwritten. Compared
     * without case, for file systems that ignore it.
     */
    static final Set<String> RESERVED = Set.of("digest", "briefs", "report");

    private ArticleId() {}

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches() && !id.contains("..") && !isReserved(id);
    }

    private static boolean isReserved(String id) {
        return RESERVED.contains(id.toLowerCase(Locale.ROOT));
    }

    /** @throws ArticleFormatException naming the id and the rule it breaks */
    public static String requireSafe(String id) {
        if (id != null && isReserved(id)) {
            throw new ArticleFormatException("article id " + quote(id) + " is the name of one of the day's own files "
                    + "(digest, briefs, report); give the article another id (rename the file or set its 'id')");
        }
        if (!isSafe(id)) {
            throw new ArticleFormatException("article id " + quote(id) + " is not safe as a file name: "
                    + "use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..'");
        }
        return id;
    }

    /** The id of a one-article file is its name without the extension. */
    public static String ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * The id under which the second of two articles claiming the same id is reported: the id
     * followed by its file's name, made safe.
     */
    public static String ofDuplicate(String id, String sourceFile) {
        String suffix = sourceFile.replaceAll("[^\\p{L}\\p{N}_-]+", "-");
        String candidate = id + "-" + suffix;
        return candidate.length() > 128 ? candidate.substring(0, 128) : candidate;
    }

    static String quote(String id) {
        if (id == null) {
            return "(none)";
        }
        String shown = id.length() > 60 ? id.substring(0, 60) + "…" : id;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
