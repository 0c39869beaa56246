package dev.briefs.article;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many articles a day's input folder holds, counted as the job will read them, so that a day too large for
 * {@link InputLimits#maxDayArticles} is refused before any work rather than found out hours into the night.
 *
 * <p>A JSON Lines file counts its non-blank lines, at most {@link InputLimits#maxFileArticles} and one more for
 * the failure that stands for the rest ({@link JsonLinesStream}); every other entry counts one, as it becomes one
 * article or one failed input. The count reads bytes only (no JSON is parsed) and stops once it is over the
 * limit, so it costs at most the limit's lines, whatever the folder holds.
 *
 * @param files    the entries of the folder that the job reads ({@link ArticleFiles#list})
 * @param articles the articles counted, up to the first one over the limit
 */
public record DaySize(int files, long articles) {

    public static DaySize of(Path inputDir, List<String> files, InputLimits limits) {
        long articles = 0;
        for (String file : files) {
            long left = limits.maxDayArticles() + 1L - articles;
            articles += ArticleFormat.ofFileName(file).orElse(null) == ArticleFormat.JSON_LINES
                    ? lines(inputDir.resolve(file), Math.min(left, limits.maxFileArticles() + 1L))
                    : 1;
            if (articles > limits.maxDayArticles()) {
                break;
            }
        }
        return new DaySize(files.size(), articles);
    }

    public boolean over(InputLimits limits) {
        return articles > limits.maxDayArticles();
    }

    /**
     * Non-blank lines of a feed, at most {@code atMost}; a feed that cannot be read counts one, the failure it
     * will be.
     */
    private static long lines(Path file, long atMost) {
        if (!Files.isRegularFile(file)) {
            return 1;
        }
        long lines = 0;
        boolean blank = true;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int c;
            while (lines < atMost && (c = in.read()) != -1) {
                if (c == '\n') {
                    lines += blank ? 0 : 1;
                    blank = true;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    blank = false;
                }
            }
            return Math.max(1, Math.min(atMost, lines + (blank ? 0 : 1)));
        } catch (IOException e) {
            return 1;
        }
    }
}
