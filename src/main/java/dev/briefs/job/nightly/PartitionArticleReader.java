package dev.briefs.job.nightly;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.ArticleInput;
import dev.briefs.article.ArticleStream;
import dev.briefs.brief.Failure;
import dev.briefs.brief.StageTimers;
import dev.briefs.failure.ExpectedFailures;
import dev.briefs.log.LogFields;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the articles of one partition's files in order, one file open at a time (a JSON Lines
 * file line by line). Its position (file, and article within the file) is saved with every
 * committed chunk, so a restarted run resumes after the last article whose brief was written.
 *
 * <p>A file whose reading breaks off (an I/O error half way through) becomes one unreadable input,
 * a failed brief with a ledger row that says where reading stopped, and the next file is read: the
 * other files' work is not lost. Any other failure of the reader is a bug and fails the step.
 * (Not final: the step scope proxies it.)
 */
class PartitionArticleReader implements ItemStreamReader<ArticleInput> {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionArticleReader.class);
    private static final String FILE_INDEX = "reader.file";
    private static final String ITEM_INDEX = "reader.item";

    private final Path inputDir;
    private final List<String> files;
    private final BiFunction<Path, String, ArticleStream> reader;
    private int fileIndex;
    private int itemIndex;
    private ArticleStream current;
    private final StageTimers timers;

    /** @param reader opens a file of the input folder as its articles ({@link ArticleFileReader#open}) */
    PartitionArticleReader(Path inputDir, List<String> files, BiFunction<Path, String, ArticleStream> reader) {
        this(inputDir, files, reader, StageTimers.detached());
    }

    /** @param timers where the time of reading goes */
    PartitionArticleReader(
            Path inputDir, List<String> files, BiFunction<Path, String, ArticleStream> reader, StageTimers timers) {
        this.timers = timers;
        this.inputDir = inputDir;
        this.files = List.copyOf(files);
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        itemIndex = context.getInt(ITEM_INDEX, 0);
    }

    @Override
    public ArticleInput read() {
        return timers.time(Failure.READ, this::readNext);
    }

    private ArticleInput readNext() {
        while (fileIndex < files.size()) {
            try {
                ArticleInput next = nextOfCurrentFile();
                if (next != null) {
                    try (LogFields.Scope article = LogFields.article(next.id());
                            LogFields.Scope stage = LogFields.stage(Failure.READ)) {
                        LOG.debug("read from {}", next.sourceFile());
                    }
                    return next;
                }
            } catch (RuntimeException e) {
                if (!ExpectedFailures.perArticle(e)) {
                    throw e;
                }
                return readingStopped(e);
            }
            nextFile();
        }
        return null;
    }

    /** The current file's next article; null when the file has no more. */
    private ArticleInput nextOfCurrentFile() {
        if (current == null) {
            current = reader.apply(inputDir, files.get(fileIndex));
            // On a restart, pass over the articles of this file whose briefs were committed.
            for (int skipped = 0; skipped < itemIndex && current.hasNext(); skipped++) {
                current.next();
            }
        }
        if (current.hasNext()) {
            itemIndex++;
            return current.next();
        }
        return null;
    }

    private ArticleInput readingStopped(RuntimeException e) {
        String file = files.get(fileIndex);
        int readBefore = itemIndex;
        closeQuietly();
        nextFile();
        String cause = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getMessage();
        return ArticleInput.unreadable(
                ArticleFileReader.fallbackId(file),
                file,
                file + ": reading stopped after "
                        + readBefore + " article(s) (" + cause + "); the rest of the file was not read. "
                        + "Check the file and its disk; once it reads, rerun-failed briefs a one-article file again, "
                        + "and run --force the whole date for a JSON Lines file");
    }

    private void nextFile() {
        closeQuietly();
        fileIndex++;
        itemIndex = 0;
    }

    private void closeQuietly() {
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException ignored) {
                // the file already failed; its unreadable input says so
            }
            current = null;
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putInt(ITEM_INDEX, itemIndex);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
