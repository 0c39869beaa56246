package dev.briefs.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one input file into the articles it holds: one for plain text, JSON and HTML, one per
 * line for JSON Lines. Nothing here throws for bad input; a file or line that cannot be read
 * becomes an {@link ArticleInput#unreadable unreadable} input with a reason the operator can act on.
 */
public final class ArticleFileReader {

    /** See {@link InputLimits#DEFAULT_MAX_FILE_BYTES}. */
    public static final long DEFAULT_MAX_FILE_BYTES = InputLimits.DEFAULT_MAX_FILE_BYTES;

    private final ObjectMapper json = JsonMapper.builder().build();
    private final PlainTextArticleParser plainText = new PlainTextArticleParser();
    private final HtmlArticleParser html;
    private final InputLimits limits;
    private final long maxFileBytes;
    private final boolean linksMayLeave;

    public ArticleFileReader() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    public ArticleFileReader(long maxFileBytes) {
        this(maxFileBytes, false);
    }

    /**
     * @param linksMayLeave whether a symbolic link in the input folder may lead to a file outside it
     *                      ({@code input-links: follow} in the job file); by default the folder confines what is read
     */
    public ArticleFileReader(long maxFileBytes, boolean linksMayLeave) {
        this(InputLimits.DEFAULTS.withMaxFileBytes(maxFileBytes), linksMayLeave);
    }

    /** @param limits the largest file, feed and page that are read (the job file's settings) */
    public ArticleFileReader(InputLimits limits, boolean linksMayLeave) {
        this.limits = limits;
        this.maxFileBytes = limits.maxFileBytes();
        this.html = new HtmlArticleParser(limits.maxHtmlDepth());
        this.linksMayLeave = linksMayLeave;
    }

    /**
     * All the articles of a file at once; see {@link #open} for reading them one at a time.
     *
     * @param inputDir   the day's input folder
     * @param sourceFile a file name inside it, as listed by {@link ArticleFiles}
     */
    public List<ArticleInput> read(Path inputDir, String sourceFile) {
        List<ArticleInput> inputs = new ArrayList<>();
        try (ArticleStream stream = open(inputDir, sourceFile)) {
            stream.forEachRemaining(inputs::add);
        }
        return inputs;
    }

    /**
     * The articles of a file, one at a time. A file that cannot be read yields one unreadable
     * input with the reason; a bad line of a JSON Lines file yields one for that line.
     */
    public ArticleStream open(Path inputDir, String sourceFile) {
        String fallbackId = fallbackId(sourceFile);
        try {
            Path file = resolveInside(inputDir, sourceFile);
            ArticleFormat format = ArticleFormat.ofFileName(sourceFile)
                    .orElseThrow(() -> new ArticleFormatException(sourceFile + ": unsupported file type; supported are "
                            + ArticleFormat.supportedExtensions()));
            if (format == ArticleFormat.JSON_LINES) {
                if (!Files.isRegularFile(file)) {
                    throw new ArticleFormatException(sourceFile + ": not a regular file");
                }
                String stem = ArticleId.ofFileName(sourceFile);
                return new JsonLinesStream(
                        file,
                        sourceFile,
                        maxFileBytes,
                        limits.maxFileArticles(),
                        (line, lineNo, seen) -> parseJsonLine(line, lineNo, seen, stem, sourceFile),
                        (id, error) -> ArticleInput.unreadable(id != null ? id : fallbackId, sourceFile, error));
            }
            String text = TextDecoder.decode(readBounded(file, sourceFile), sourceFile);
            if (text.isBlank()) {
                throw new ArticleFormatException(sourceFile + ": the file is empty");
            }
            return ArticleStream.of(List.of(
                    switch (format) {
                        case TEXT -> ArticleInput.of(plainText.parse(text, idOfFile(sourceFile), sourceFile));
                        case HTML -> ArticleInput.of(html.parse(text, idOfFile(sourceFile), sourceFile));
                        default -> ArticleInput.of(parseJson(text, sourceFile));
                    }));
        } catch (ArticleFormatException e) {
            return ArticleStream.of(List.of(ArticleInput.unreadable(fallbackId, sourceFile, e.getMessage())));
        } catch (IOException e) {
            return ArticleStream.of(List.of(ArticleInput.unreadable(
                    fallbackId,
                    sourceFile,
                    sourceFile + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
    }

    private Article parseJson(String text, String sourceFile) {
        JsonNode node = parseTree(text, sourceFile);
        String id = idOfFile(sourceFile);
        JsonNode idNode = node.get("id");
        if (idNode != null && idNode.isString()) {
            id = ArticleId.requireSafe(idNode.asString());
        }
        return NewsPleaseFields.toArticle(node, id, sourceFile, sourceFile);
    }

    private ArticleInput parseJsonLine(String line, int lineNo, Set<String> seen, String stem, String sourceFile) {
        String where = sourceFile + " line " + lineNo;
        String lineId = stem + "-" + lineNo;
        try {
            JsonNode node = parseTree(line, where);
            JsonNode idNode = node.get("id");
            if (idNode != null && !idNode.isNull()) {
                if (!idNode.isString() && !idNode.isIntegralNumber()) {
                    throw new ArticleFormatException(
                            where + ": field 'id' must be a string, found " + NewsPleaseFields.describe(idNode));
                }
                String given = idNode.asString();
                if (!ArticleId.isSafe(given)) {
                    ArticleId.requireSafe(given);
                }
                lineId = given;
            }
            if (!seen.add(lineId)) {
                String dup = lineId;
                lineId = stem + "-" + lineNo;
                throw new ArticleFormatException(where + ": id '" + dup + "' is used by an earlier line of this file; "
                        + "give every article its own id");
            }
            return ArticleInput.of(NewsPleaseFields.toArticle(node, lineId, sourceFile, where));
        } catch (ArticleFormatException e) {
            return ArticleInput.unreadable(lineId, sourceFile, e.getMessage());
        }
    }

    private JsonNode parseTree(String text, String where) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new ArticleFormatException(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private byte[] readBounded(Path file, String sourceFile) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ArticleFormatException(sourceFile + ": not a regular file");
        }
        long size = Files.size(file);
        if (size > maxFileBytes) {
            throw new ArticleFormatException(sourceFile + ": " + size + " bytes is over the limit of " + maxFileBytes
                    + " bytes per input file; split it or raise 'max-file-bytes' in the job file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Read at most limit+1 bytes: the file may grow between the size check and the read.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw new ArticleFormatException(
                        sourceFile + ": grew over the limit of " + maxFileBytes + " bytes while being read");
            }
            return bytes;
        }
    }

    private Path resolveInside(Path inputDir, String sourceFile) throws IOException {
        Path file = inputDir.resolve(sourceFile).normalize();
        if (!file.startsWith(inputDir.normalize()) || sourceFile.contains("/") || sourceFile.contains("\\")) {
            throw new ArticleFormatException(sourceFile + ": not a file directly inside the input folder");
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new ArticleFormatException(sourceFile + ": a symbolic link that leads nowhere (broken or a loop)");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArticleFormatException(sourceFile + ": no longer exists");
        }
        // The input folder confines what is read: a link must not make a file elsewhere (another
        // day's, a secret) into an article whose text ends up in the briefs.
        if (!linksMayLeave && Files.isSymbolicLink(file) && !file.toRealPath().startsWith(inputDir.toRealPath())) {
            throw new ArticleFormatException(sourceFile + ": a symbolic link to a file outside the input folder ("
                    + file.toRealPath() + "); copy the file into the folder, or allow such links with "
                    + "'input-links: follow' in the job file");
        }
        return file;
    }

    private static String idOfFile(String sourceFile) {
        return ArticleId.requireSafe(ArticleId.ofFileName(sourceFile));
    }

    /**
     * The id an unreadable file is reported under. A file name that is not a safe id still
     * needs a report, so it gets a safe stand-in derived from its characters.
     */
    public static String fallbackId(String sourceFile) {
        String stem = ArticleId.ofFileName(sourceFile);
        if (ArticleId.isSafe(stem)) {
            return stem;
        }
        String cleaned = stem.replaceAll("[^\\p{L}\\p{N}_-]+", "_").replaceAll("^[_-]+", "");
        if (cleaned.length() > 100) {
            cleaned = cleaned.substring(0, 100);
        }
        String stable = Integer.toHexString(sourceFile.hashCode());
        return (cleaned.isEmpty() ? "file" : cleaned) + "-" + stable;
    }
}
