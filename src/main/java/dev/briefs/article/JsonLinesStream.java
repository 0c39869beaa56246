package dev.briefs.article;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a JSON Lines file lazily, one line per article. A line longer than the limit is skipped
 * (and reported) without being held in memory, so neither a large feed nor one runaway line can
 * exhaust the heap. The file must be UTF-8 (a byte-order mark is allowed); each line is decoded on
 * its own, so a line that is not UTF-8 fails alone like any other bad line.
 *
 * <p>At most {@code maxArticles} lines are read as articles: a feed of a million lines would otherwise be a
 * million briefs and a stories step that never ends. The first non-blank line past the limit ends the
 * reading as one failed input that says so; the file's earlier articles are briefed as usual.
 */
final class JsonLinesStream implements ArticleStream {

    /** Parses one line: (line text, line number) to an article input; never throws for bad content. */
    interface LineParser {
        ArticleInput parse(String line, int lineNo, Set<String> seenIds);
    }

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final String sourceFile;
    private final long maxLineBytes;
    private final int maxArticles;
    private final LineParser parser;
    private final BiFunction<String, String, ArticleInput> unreadable;
    private final Set<String> seenIds = new HashSet<>();
    private int lineNo;
    private int articles;
    private boolean produced;
    private boolean finished;
    private ArticleInput next;

    JsonLinesStream(
            Path file,
            String sourceFile,
            long maxLineBytes,
            int maxArticles,
            LineParser parser,
            BiFunction<String, String, ArticleInput> unreadable)
            throws IOException {
        // Only the bytes the file had when it was opened: a feed still being written (appended to while
        // the night reads it) must not keep the night reading, nor give the partitions articles the stories
        // step did not see in this read. A line cut short by the writer reads as that line's failure, and
        // rerun-failed reads it again whole; later lines wait for the next run of the date (--force).
        this.in = new BufferedInputStream(limited(Files.newInputStream(file), Files.size(file)));
        in.mark(3);
        byte[] head = in.readNBytes(3);
        boolean bom =
                head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.reset();
        }
        this.sourceFile = sourceFile;
        this.maxLineBytes = maxLineBytes;
        this.maxArticles = maxArticles;
        this.parser = parser;
        this.unreadable = unreadable;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public ArticleInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ArticleInput result = next;
        next = null;
        produced = true;
        return result;
    }

    /**
     * The next article, or null for a blank line; sets {@code finished} at the end of the file, and at the
     * first article past the limit, which it turns into the failure that tells the rest was not read.
     */
    private ArticleInput advance() {
        ArticleInput line = nextLine();
        if (line == null) {
            return null;
        }
        if (articles == maxArticles) {
            finished = true;
            return unreadable.apply(
                    ArticleId.ofFileName(sourceFile) + "-" + lineNo,
                    sourceFile + " line " + lineNo + ": the file has more than " + maxArticles
                            + " articles, the limit per file; this line and the rest of the file were not read. "
                            + "Split the file, or raise 'max-file-articles' in the job file, then run the date "
                            + "again with --force");
        }
        articles++;
        return line;
    }

    /** The next line as an article, or null for a blank line; sets {@code finished} at the end of the file. */
    private ArticleInput nextLine() {
        lineNo++;
        String where = sourceFile + " line " + lineNo;
        String lineId = ArticleId.ofFileName(sourceFile) + "-" + lineNo;
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean overLimit = false;
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (line.size() < maxLineBytes) {
                    line.write(c);
                } else {
                    overLimit = true;
                }
            }
            if (c == -1 && line.size() == 0 && !overLimit) {
                finished = true;
                return produced ? null : unreadable.apply(null, sourceFile + ": the file is empty");
            }
            if (overLimit) {
                return unreadable.apply(
                        lineId,
                        where + ": over the limit of " + maxLineBytes
                                + " bytes per line; split the article or raise 'max-file-bytes' in the job file");
            }
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                return unreadable.apply(lineId, where + ": not valid UTF-8; save the file as UTF-8");
            }
            return text.isBlank() ? null : parser.parse(text.strip(), lineNo, seenIds);
        } catch (IOException e) {
            throw new UncheckedIOException(sourceFile + ": cannot be read", e);
        }
    }

    /** At most {@code limit} bytes of {@code in}; then its end. */
    private static InputStream limited(InputStream in, long limit) {
        return new FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int c = super.read();
                if (c >= 0) {
                    left--;
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, left));
                left -= skipped;
                return skipped;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), left);
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
