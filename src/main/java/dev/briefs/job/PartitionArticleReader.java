package dev.briefs.job;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.ArticleInput;
import dev.briefs.article.ArticleStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the articles of one partition's files in order, one file open at a time (a JSON Lines
 * file line by line). Its position (file, and article within the file) is saved with every
 * committed chunk, so a restarted run resumes after the last article whose brief was written.
 * (Not final: the step scope proxies it.)
 */
class PartitionArticleReader implements ItemStreamReader<ArticleInput> {

    private static final String FILE_INDEX = "reader.file";
    private static final String ITEM_INDEX = "reader.item";

    private final Path inputDir;
    private final List<String> files;
    private final ArticleFileReader reader;
    private int fileIndex;
    private int itemIndex;
    private ArticleStream current;

    PartitionArticleReader(Path inputDir, List<String> files, ArticleFileReader reader) {
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
        while (fileIndex < files.size()) {
            if (current == null) {
                current = reader.open(inputDir, files.get(fileIndex));
                // On a restart, pass over the articles of this file whose briefs were committed.
                for (int skipped = 0; skipped < itemIndex && current.hasNext(); skipped++) {
                    current.next();
                }
            }
            if (current.hasNext()) {
                itemIndex++;
                return current.next();
            }
            current.close();
            current = null;
            fileIndex++;
            itemIndex = 0;
        }
        return null;
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
